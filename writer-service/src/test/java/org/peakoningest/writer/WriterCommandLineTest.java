package org.peakoningest.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peakoningest.servicesupport.ServiceCommandLine;
import org.peakoningest.testsupport.CommandOutput;

/** The command line becomes Spring arguments; a bad one is a one-line usage error with status 2. */
class WriterCommandLineTest {

    private final List<String> springArgs = new ArrayList<>();
    private Boolean keptRunning;

    @Test
    void noArgumentOrRunStartsTheService() {
        assertThat(run()).isEqualTo(ServiceCommandLine.KEEP_RUNNING);
        assertThat(keptRunning).isTrue();
        assertThat(springArgs).containsExactly("--peakon.writer.command=run");
        springArgs.clear();
        run("run");
        assertThat(springArgs).containsExactly("--peakon.writer.command=run");
        springArgs.clear();
        run("--server.port=0");
        assertThat(springArgs).containsExactly("--server.port=0", "--peakon.writer.command=run");
    }

    @Test
    void replayTargetsTheDatabaseUnderAFreshGroupWithoutWebServer() {
        assertThat(run("replay", "--target-db", "peakon_rebuild")).isZero();
        assertThat(keptRunning).isFalse();
        String group = springArgs.stream()
                .filter(a -> a.startsWith("--peakon.writer.group-id="))
                .findFirst()
                .orElseThrow()
                .substring("--peakon.writer.group-id=".length());
        assertThat(group).startsWith("peakon-writer-replay-");
        assertThat(springArgs)
                .contains(
                        "--spring.mongodb.database=peakon_rebuild",
                        "--peakon.writer.command=replay",
                        "--spring.main.web-application-type=none",
                        "--peakon.writer.replay.generated-group=true");
    }

    @Test
    void replayKeepsAGivenGroup() {
        run("replay", "--target-db=rebuild", "--group=my-replay", "--logging.level.root=WARN");
        assertThat(springArgs)
                .contains(
                        "--peakon.writer.group-id=my-replay",
                        "--peakon.writer.replay.generated-group=false",
                        "--logging.level.root=WARN");
    }

    @Test
    void mistakesAreExplained() {
        assertThat(usageError("replay")).contains("replay needs --target-db");
        assertThat(usageError("replay", "--target-db")).contains("--target-db");
        assertThat(usageError("replay", "--target-db", "a.b")).contains("not a valid");
        assertThat(usageError("ingest")).contains("unknown argument 'ingest'");
        assertThat(usageError("run", "--target-db", "x")).contains("unknown argument '--target-db'", "replay");
        assertThat(usageError("run", "stray")).contains("unknown argument 'stray'");
        assertThat(springArgs).as("nothing started").isEmpty();
    }

    @Test
    void helpIsPrintedAndExitsZero() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"})) {
            CommandOutput help = CommandOutput.of(() -> run(args));
            assertThat(help.status()).isZero();
            assertThat(help.out()).contains("replay --target-db <db>");
        }
        assertThat(springArgs).isEmpty();
    }

    private int run(String... args) {
        return ServiceCommandLine.execute(
                new WriterCommandLine((spring, keepRunning) -> {
                    springArgs.addAll(spring);
                    keptRunning = keepRunning;
                    return keepRunning ? ServiceCommandLine.KEEP_RUNNING : 0;
                }),
                args);
    }

    /** The status must be 2 and stderr one line; returns that line. */
    private String usageError(String... args) {
        CommandOutput result = CommandOutput.of(() -> run(args));
        assertThat(result.status()).isEqualTo(2);
        return result.errLine();
    }
}
