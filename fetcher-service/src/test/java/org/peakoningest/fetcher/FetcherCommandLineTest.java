package org.peakoningest.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peakoningest.servicesupport.ServiceCommandLine;
import org.peakoningest.testsupport.CommandOutput;

/** The command line becomes Spring arguments; a bad one is a one-line usage error with status 2. */
class FetcherCommandLineTest {

    private final List<String> springArgs = new ArrayList<>();
    private Boolean keptRunning;

    @Test
    void daemonIsTheDefault() {
        assertThat(run()).isEqualTo(ServiceCommandLine.KEEP_RUNNING);
        assertThat(springArgs).containsExactly("--peakon.fetcher.command=daemon");
        assertThat(keptRunning).isTrue();
        springArgs.clear();
        run("daemon");
        assertThat(springArgs).containsExactly("--peakon.fetcher.command=daemon");
    }

    @Test
    void ingestFlagsOverrideTheEnvironment() {
        assertThat(run("ingest", "--full-sync", "--dry-run")).isZero();
        assertThat(keptRunning).isFalse();
        assertThat(springArgs)
                .contains(
                        "--peakon.fetcher.command=ingest",
                        "--spring.main.web-application-type=none",
                        "--peakon.fetcher.full-sync=true",
                        "--peakon.fetcher.dry-run=true");
        springArgs.clear();
        run("ingest", "--incremental");
        assertThat(springArgs)
                .contains("--peakon.fetcher.full-sync=false")
                .noneMatch(arg -> arg.startsWith("--peakon.fetcher.dry-run"));
        springArgs.clear();
        run("ingest");
        assertThat(springArgs).noneMatch(arg -> arg.startsWith("--peakon.fetcher.full-sync"));
    }

    @Test
    void springArgumentsPassThrough() {
        run("ingest", "--logging.level.root=WARN");
        assertThat(springArgs).contains("--logging.level.root=WARN");
        springArgs.clear();
        run("--server.port=0", "daemon", "--logging.level.root=WARN");
        assertThat(springArgs)
                .containsExactly("--server.port=0", "--logging.level.root=WARN", "--peakon.fetcher.command=daemon");
    }

    @Test
    void nonsenseIsRejectedWithTheUsage() {
        assertThat(usageError("crawl")).contains("unknown argument 'crawl'", "usage:");
        assertThat(usageError("ingest", "--full-sync", "--incremental")).contains("mutually exclusive");
        assertThat(usageError("daemon", "--dry-run")).contains("'--dry-run'", "ingest");
        assertThat(usageError("ingest", "--ful-sync")).contains("unknown argument '--ful-sync'");
        assertThat(usageError("ingest", "--full-sync=yes")).contains("--full-sync");
        assertThat(springArgs).as("nothing started").isEmpty();
    }

    private int run(String... args) {
        return ServiceCommandLine.execute(
                new FetcherCommandLine((spring, keepRunning) -> {
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
