package org.peakoningest.embeddedstack;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.peakoningest.embeddedstack.kafka.KafkaBroker;
import org.peakoningest.embeddedstack.process.JavaCommand;
import org.peakoningest.embeddedstack.process.StackFailure;
import org.peakoningest.embeddedstack.process.StackState;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import org.peakoningest.embeddedstack.stack.ErasureSecret;
import org.peakoningest.embeddedstack.stack.StackLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * Entry point of {@code ./peakon-ingest}: its command line (picocli) and the commands that need no stack object
 * ({@code stop}, {@code status}, the Kafka tools); {@code run} is {@link IngestCommand}.
 */
@Command(
        name = "./peakon-ingest",
        synopsisSubcommandLabel = "[<command>] [options]",
        subcommands = {
            Launcher.Run.class,
            Launcher.Stop.class,
            Launcher.Status.class,
            Launcher.Erase.class,
            HelpCommand.class
        },
        description = "The embedded stack, each part its own process. Without a command, or with only the "
                + "options of run, it means run.",
        footerHeading = "%n",
        footer = {
            "Environment: PEAKON_APP_TOKEN + PEAKON_BASE_URL crawl the real Peakon instead of the simulator;",
            "PEAKON_EMBEDDED_HOME moves the state directory (default <repo>/.embedded); every service setting of",
            ".env.example (KAFKA_TOPIC_PREFIX, MONGO_DB, PEAKON_PER_PAGE, LOG_LEVEL, ...) is passed through.",
            "Exit status: 0 done, 1 the run failed or did not complete, 2 usage error. Docs: docs/embedded-stack.md"
        })
public final class Launcher {

    /** Kafka's own tools, run from the broker's jars against the running stack. */
    static final Map<String, String> KAFKA_TOOLS = new TreeMap<>(Map.of(
            "kafka-console-consumer", "org.apache.kafka.tools.consumer.ConsoleConsumer",
            "kafka-console-producer", "org.apache.kafka.tools.ConsoleProducer",
            "kafka-topics", "org.apache.kafka.tools.TopicCommand",
            "kafka-consumer-groups", "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand"));

    private static final int OK = 0;
    private static final int FAILED = 1;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "this text")
    boolean help;

    private final StackLayout layout;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    Launcher(StackLayout layout, Map<String, String> environment, PrintStream out, PrintStream err) {
        this.layout = layout;
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        System.exit(new Launcher(StackLayout.detect(environment), environment, System.out, System.err)
                .execute(Arrays.asList(args)));
    }

    /** Runs one command line; returns the exit status (0 done, 1 failed or incomplete, 2 usage error). */
    int execute(List<String> args) {
        return commandLine().execute(withCommand(args));
    }

    /** {@code ./peakon-ingest} and {@code ./peakon-ingest --answers 5000} mean run. */
    static String[] withCommand(List<String> args) {
        List<String> line = new ArrayList<>(args);
        if (line.isEmpty() || line.get(0).startsWith("--") && !line.get(0).equals("--help")) {
            line.add(0, "run");
        }
        return line.toArray(String[]::new);
    }

    CommandLine commandLine() {
        CommandLine cli = new CommandLine(this);
        cli.getSubcommands().get("erase").setStopAtUnmatched(true);
        KAFKA_TOOLS
                .keySet()
                .forEach(
                        name -> cli.addSubcommand(name, new CommandLine(new KafkaTool(name)).setStopAtUnmatched(true)));
        // As before picocli: a flag given twice takes the last value.
        cli.setUsageHelpWidth(116)
                .setOverwrittenOptionsAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                // Arguments pass through to Kafka's tools as typed, `@file` included.
                .setExpandAtFiles(false)
                .setParameterExceptionHandler(this::usageError)
                .setExecutionExceptionHandler((e, command, parsed) -> failure(e));
        // The options of run belong on the first page: a bare `./peakon-ingest` is a run.
        CommandLine run = cli.getSubcommands().get("run");
        cli.getHelpSectionMap()
                .put(
                        "runOptions",
                        help -> help.createHeading("%nOptions of run:%n")
                                + run.getHelp().optionList());
        List<String> sections = new ArrayList<>(cli.getHelpSectionKeys());
        sections.add(sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), "runOptions");
        cli.setHelpSectionKeys(sections);
        return cli;
    }

    private int usageError(ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandSpec().parent() == null
                ? ""
                : " " + e.getCommandLine().getCommandName();
        err.println("peakon-ingest: " + e.getMessage() + " (try ./peakon-ingest help" + command + ")");
        return CommandLine.ExitCode.USAGE;
    }

    private int failure(Exception e) throws Exception {
        if (e instanceof StackFailure failure) {
            err.println("peakon-ingest: FAILED: " + failure.report(30));
            err.println("All logs: " + layout.logs());
            return FAILED;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            err.println("peakon-ingest: interrupted");
            return FAILED;
        }
        throw e;
    }

    @Command(
            name = "run",
            sortOptions = false,
            description = {
                "start Kafka, a Mongo-wire server, the simulator (or the real Peakon), the writer(s) and the fetcher as "
                        + "separate processes; run one ingest; print a summary; stop everything (unless --keep-running)"
            })
    static final class Run implements Callable<Integer> {

        @ParentCommand
        Launcher launcher;

        @Option(
                names = "--answers",
                paramLabel = "N",
                converter = PositiveNumber.class,
                description = "simulator size: survey answers (simulator default when omitted)")
        Integer answers;

        @Option(
                names = "--employees",
                paramLabel = "N",
                converter = PositiveNumber.class,
                description = "simulator size: employees (simulator default when omitted)")
        Integer employees;

        @Option(
                names = "--writers",
                paramLabel = "N",
                converter = PositiveNumber.class,
                defaultValue = "1",
                description = "writer processes to start (default ${DEFAULT-VALUE})")
        int writers;

        @Option(names = "--full-sync", description = "pass --full-sync to the fetcher (ignore the stored cursors)")
        boolean fullSync;

        @Option(
                names = "--keep-running",
                description = "leave every process running after the summary; stop with ./peakon-ingest stop")
        boolean keepRunning;

        @Option(
                names = "--persist",
                description = "keep Kafka's data and Mongo (H2 file backend) in the state "
                        + "directory between runs; without it every run starts empty (memory backend)")
        boolean persist;

        @Option(
                names = "--timeout",
                paramLabel = "MINUTES",
                converter = PositiveNumber.class,
                defaultValue = "60",
                description =
                        "give up waiting for the ingest and the landing after this long (default ${DEFAULT-VALUE})")
        int timeoutMinutes;

        RunOptions options() {
            return new RunOptions(
                    optional(answers),
                    optional(employees),
                    writers,
                    fullSync,
                    keepRunning,
                    persist,
                    Duration.ofMinutes(timeoutMinutes));
        }

        @Override
        public Integer call() throws InterruptedException {
            return new IngestCommand(launcher.layout, launcher.environment, launcher.out).run(options());
        }

        private static OptionalInt optional(Integer value) {
            return value == null ? OptionalInt.empty() : OptionalInt.of(value);
        }
    }

    @Command(
            name = "stop",
            description = "stop a stack left running with --keep-running (uses .embedded/stack.properties)")
    static final class Stop implements Callable<Integer> {

        @ParentCommand
        Launcher launcher;

        @Override
        public Integer call() {
            StackLayout layout = launcher.layout;
            if (!Files.exists(layout.stateFile())) {
                launcher.out.println("No stack recorded in " + layout.stateDirectory() + ": nothing to stop.");
                return OK;
            }
            int stopped = StackState.at(layout.stateFile()).stopRecorded(Duration.ofSeconds(20), launcher.out::println);
            launcher.out.println("Stopped " + stopped + " process(es).");
            return OK;
        }
    }

    @Command(name = "status", description = "show the recorded processes and connection strings of a running stack")
    static final class Status implements Callable<Integer> {

        @ParentCommand
        Launcher launcher;

        @Override
        public Integer call() {
            PrintStream out = launcher.out;
            StackState state = StackState.at(launcher.layout.stateFile());
            var live = state.liveProcesses();
            if (live.isEmpty()) {
                out.println("No running stack recorded in " + launcher.layout.stateDirectory() + ".");
                return FAILED;
            }
            out.println("Running processes: "
                    + live.stream().map(p -> Long.toString(p.pid())).toList());
            state.get("kafka.bootstrap").ifPresent(v -> out.println("Kafka bootstrap:  " + v));
            state.get("mongo.uri").ifPresent(v -> out.println("Mongo URI:        " + v));
            state.get("simulator.url").ifPresent(v -> out.println("Simulator:        " + v));
            out.println("Logs:             " + launcher.layout.logs());
            return OK;
        }
    }

    /**
     * {@code ./peakon-ingest erase --employee <id> [--by <name>] [--lift] [--dry-run]}: the fetcher's {@code erase}
     * (docs/fetcher.md), run from its jar against the running stack's Kafka and MongoDB (its crawl lock), with the
     * stack's erasure secret. Its arguments pass through; its exit status is the command's.
     */
    @Command(
            name = "erase",
            description = "erase one person from the running stack's topics: the fetcher's erase (--employee <id>"
                    + " [--by <name>] [--lift] [--dry-run]; docs/fetcher.md)")
    static final class Erase implements Callable<Integer> {

        @ParentCommand
        Launcher launcher;

        @Unmatched
        List<String> arguments = new ArrayList<>();

        @Override
        public Integer call() throws InterruptedException {
            StackLayout layout = launcher.layout;
            StackState state = StackState.at(layout.stateFile());
            String bootstrap = state.get("kafka.bootstrap")
                    .or(() -> Optional.ofNullable(launcher.environment.get("KAFKA_BOOTSTRAP_SERVERS")))
                    .orElseThrow(() -> new StackFailure("no running stack recorded in " + layout.stateDirectory()
                            + "; start one with ./peakon-ingest run --keep-running"));
            String mongo = state.get("mongo.uri")
                    .or(() -> Optional.ofNullable(launcher.environment.get("MONGO_URI")))
                    .orElseThrow(() -> new StackFailure("no Mongo recorded in " + layout.stateDirectory()));
            JavaCommand erase = eraseCommand(layout, arguments)
                    .withEnvironment(Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS",
                            bootstrap,
                            "MONGO_URI",
                            mongo,
                            ErasureSecret.VARIABLE,
                            ErasureSecret.of(layout, launcher.environment)));
            try {
                ProcessBuilder process = new ProcessBuilder(erase.commandLine()).inheritIO();
                process.environment().putAll(erase.environment());
                return process.start().waitFor();
            } catch (java.io.IOException e) {
                throw new StackFailure("cannot start the fetcher's erase: " + e.getMessage());
            }
        }
    }

    /** The JVM command of the fetcher's {@code erase} with {@code arguments}, its settings not yet given. */
    static JavaCommand eraseCommand(StackLayout layout, List<String> arguments) {
        return JavaCommand.jar("erase", layout.fetcherJar())
                .withJvmOptions("-Xmx256m")
                .withJvmOptions(EmbeddedStack.SERVICE_JVM_OPTIONS.toArray(String[]::new))
                .withArguments("erase")
                .withArguments(arguments);
    }

    /** The JVM command of a Kafka tool, run from the broker's jars with {@code arguments}. */
    static JavaCommand kafkaToolCommand(StackLayout layout, String tool, List<String> arguments) {
        return JavaCommand.mainClass(tool, KafkaBroker.classpath(layout.kafkaLibs()), KAFKA_TOOLS.get(tool))
                .withJvmOptions("-Xmx512m")
                .withArguments(arguments);
    }

    /** Runs a Kafka command-line tool from the broker's jars, against the running stack unless told otherwise. */
    @Command(description = "Kafka's tool from the broker's jars (--bootstrap-server: the running stack's broker)")
    static final class KafkaTool implements Callable<Integer> {

        @ParentCommand
        Launcher launcher;

        @Unmatched
        List<String> arguments = new ArrayList<>();

        private final String tool;

        KafkaTool(String tool) {
            this.tool = tool;
        }

        @Override
        public Integer call() throws InterruptedException {
            List<String> given = new ArrayList<>(arguments);
            boolean hasBootstrap =
                    given.stream().anyMatch(a -> a.startsWith("--bootstrap-server") || a.startsWith("--broker-list"));
            if (!hasBootstrap && !given.contains("--help")) {
                StackLayout layout = launcher.layout;
                String bootstrap = StackState.at(layout.stateFile())
                        .get("kafka.bootstrap")
                        .or(() -> Optional.ofNullable(launcher.environment.get("KAFKA_BOOTSTRAP_SERVERS")))
                        .orElseThrow(() -> new StackFailure("no running stack recorded in " + layout.stateDirectory()
                                + "; start one with ./peakon-ingest run --keep-running or pass --bootstrap-server"));
                given.addAll(0, List.of("--bootstrap-server", bootstrap));
            }
            try {
                return new ProcessBuilder(
                                kafkaToolCommand(launcher.layout, tool, given).commandLine())
                        .inheritIO()
                        .start()
                        .waitFor();
            } catch (java.io.IOException e) {
                throw new StackFailure("cannot start " + tool + ": " + e.getMessage());
            }
        }
    }
}
