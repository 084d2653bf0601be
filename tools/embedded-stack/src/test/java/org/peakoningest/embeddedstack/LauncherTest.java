package org.peakoningest.embeddedstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peakoningest.embeddedstack.stack.ErasureSecret;
import org.peakoningest.embeddedstack.stack.StackLayout;
import picocli.CommandLine.ParseResult;

/** The command line of {@code ./peakon-ingest}: parsed without starting anything. */
class LauncherTest {

    @TempDir
    Path state;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Launcher launcher() {
        return new Launcher(
                new StackLayout(state, state), Map.of(), new PrintStream(out, true), new PrintStream(err, true));
    }

    /** The command the arguments select (its picocli object), after parsing. */
    private Object parse(String... args) {
        ParseResult parsed = launcher().commandLine().parseArgs(Launcher.withCommand(List.of(args)));
        return parsed.hasSubcommand()
                ? parsed.subcommand().commandSpec().userObject()
                : parsed.commandSpec().userObject();
    }

    private RunOptions run(String... args) {
        return ((Launcher.Run) parse(args)).options();
    }

    private int execute(String... args) {
        return launcher().execute(List.of(args));
    }

    private String errorOutput() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSecondRunFromTheSameStateDirectoryIsRefusedWhileTheFirstHoldsIt() throws Exception {
        try (FileChannel held = FileChannel.open(
                        state.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = held.lock()) {
            assertThat(execute("run", "--answers", "200")).isEqualTo(1);
        }
        assertThat(errorOutput())
                .startsWith("peakon-ingest: FAILED: another ./peakon-ingest run is using " + state
                        + ": wait for it, or give this one its own state directory (PEAKON_EMBEDDED_HOME)");
        assertThat(state.resolve("logs")).doesNotExist();
    }

    @Test
    void noArgumentsMeansARunWithTheDefaults() {
        assertThat(run())
                .isEqualTo(new RunOptions(
                        OptionalInt.empty(), OptionalInt.empty(), 1, false, false, false, Duration.ofMinutes(60)));
        assertThat(run("run")).isEqualTo(run());
    }

    @Test
    void runTakesEveryFlagInBothSpellings() {
        RunOptions options = run(
                "run",
                "--answers",
                "5000",
                "--employees=200",
                "--writers",
                "2",
                "--keep-running",
                "--full-sync",
                "--persist",
                "--timeout=5");

        assertThat(options)
                .isEqualTo(new RunOptions(
                        OptionalInt.of(5000), OptionalInt.of(200), 2, true, true, true, Duration.ofMinutes(5)));
        assertThat(run("--answers", "200_000").answers()).hasValue(200_000);
        assertThat(run("--answers", "200,000").answers()).hasValue(200_000);
        assertThat(run("--writers", "2", "--writers", "3").writers())
                .as("the last of a repeated flag")
                .isEqualTo(3);
    }

    @Test
    void flagsWithoutTheRunWordStillMeanRun() {
        assertThat(run("--writers", "3").writers()).isEqualTo(3);
    }

    @Test
    void badValuesAreOneLineUsageErrorsNamingTheFlag() {
        assertThat(usageError("run", "--writers", "0")).contains("--writers").contains("must be a positive number");
        assertThat(usageError("--timeout", "-1")).contains("--timeout").contains("must be a positive number");
        assertThat(usageError("run", "--answers", "lots")).contains("--answers");
        assertThat(usageError("run", "--answers", "--keep-running"))
                .contains("--answers")
                .contains("--keep-running");
        assertThat(usageError("run", "--employees")).contains("--employees");
        assertThat(usageError("run", "--keep-running=yes")).contains("--keep-running");
        assertThat(usageError("run", "--writer", "2"))
                .contains("Unknown option")
                .contains("'--writer'")
                .contains("help run");
        assertThat(usageError("start")).contains("'start'");
        assertThat(usageError("stop", "now")).contains("'now'");
    }

    /** Runs a command line that must be refused: exit status 2 and one line on stderr, which is returned. */
    private String usageError(String... args) {
        err.reset();
        assertThat(execute(args)).as("exit status of %s", List.of(args)).isEqualTo(2);
        assertThat(errorOutput())
                .as("error of %s", List.of(args))
                .startsWith("peakon-ingest: ")
                .hasLineCount(1);
        return errorOutput();
    }

    @Test
    void kafkaToolsPassTheirArgumentsThroughUntouched() {
        Launcher.KafkaTool tool = (Launcher.KafkaTool) parse(
                "kafka-console-consumer",
                "--topic",
                "peakon.answers_export",
                "--from-beginning",
                "--help",
                "@file",
                "--property",
                "print.key=true");

        assertThat(tool.arguments)
                .containsExactly(
                        "--topic",
                        "peakon.answers_export",
                        "--from-beginning",
                        "--help",
                        "@file",
                        "--property",
                        "print.key=true");
        assertThat(Launcher.KAFKA_TOOLS)
                .containsEntry("kafka-topics", "org.apache.kafka.tools.TopicCommand")
                .containsEntry("kafka-console-consumer", "org.apache.kafka.tools.consumer.ConsoleConsumer")
                .containsKeys("kafka-console-producer", "kafka-consumer-groups");
        assertThat(parse("kafka-topics", "--list")).isInstanceOf(Launcher.KafkaTool.class);
    }

    @Test
    void erasePassesItsArgumentsToTheFetchersEraseAndNeedsARunningStack() {
        Launcher.Erase erase = (Launcher.Erase) parse("erase", "--employee", "7001", "--by", "dpo", "--dry-run");
        assertThat(erase.arguments).containsExactly("--employee", "7001", "--by", "dpo", "--dry-run");

        assertThat(execute("erase", "--employee", "7001")).isEqualTo(1);
        assertThat(errorOutput()).contains("no running stack recorded", "--keep-running");
    }

    @Test
    void theStacksErasureSecretIsMadeOnceUnlessTheEnvironmentGivesOne() throws Exception {
        StackLayout layout = new StackLayout(state, state);
        String made = ErasureSecret.of(layout, Map.of());
        assertThat(made).hasSize(64).matches("[0-9a-f]+");
        assertThat(ErasureSecret.of(layout, Map.of())).isEqualTo(made);
        assertThat(java.nio.file.Files.getPosixFilePermissions(layout.erasureSecretFile()))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(ErasureSecret.of(layout, Map.of("PEAKON_ERASURE_SECRET", "the-installations-own")))
                .isEqualTo("the-installations-own");
    }

    @Test
    void stopStatusAndHelpAreCommands() {
        assertThat(parse("stop")).isInstanceOf(Launcher.Stop.class);
        assertThat(parse("status")).isInstanceOf(Launcher.Status.class);
        assertThat(execute("stop")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing to stop");
        assertThat(execute("status")).isEqualTo(1);
    }

    @Test
    void helpShowsTheCommandsTheOptionsOfRunAndTheEnvironment() {
        for (String help : List.of("help", "--help", "-h")) {
            out.reset();
            assertThat(execute(help)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("run", "stop", "status", "erase", "kafka-console-consumer", "kafka-consumer-groups")
                    .contains("Options of run:", "--answers=N", "--keep-running", "--timeout=MINUTES", "(default 60)")
                    .contains("PEAKON_APP_TOKEN", "PEAKON_EMBEDDED_HOME", "Exit status");
        }
    }
}
