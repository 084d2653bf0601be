package org.peakoningest.embeddedstack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.peakoningest.embeddedstack.cli.CommandLine;
import org.peakoningest.embeddedstack.cli.CommandLine.Command;
import org.peakoningest.embeddedstack.kafka.KafkaBroker;
import org.peakoningest.embeddedstack.process.JavaCommand;
import org.peakoningest.embeddedstack.process.StackFailure;
import org.peakoningest.embeddedstack.process.StackState;
import org.peakoningest.embeddedstack.stack.IngestCommand;
import org.peakoningest.embeddedstack.stack.StackLayout;

/**
 * Entry point of {@code ./peakon-ingest}. Exit codes: 0 done, 1 the run failed or did not complete, 2 usage error.
 */
public final class Launcher {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

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
        int exit = new Launcher(StackLayout.detect(environment), environment, System.out, System.err)
                .execute(Arrays.asList(args));
        System.exit(exit);
    }

    int execute(List<String> args) {
        Command command;
        try {
            command = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("peakon-ingest: " + e.getMessage());
            return USAGE;
        }
        try {
            if (command instanceof CommandLine.Run run) {
                return new IngestCommand(layout, environment, out).run(run.options());
            } else if (command instanceof CommandLine.Stop) {
                return stop();
            } else if (command instanceof CommandLine.Status) {
                return status();
            } else if (command instanceof CommandLine.KafkaTool tool) {
                return kafkaTool(tool);
            }
            out.print(CommandLine.USAGE);
            return OK;
        } catch (StackFailure e) {
            err.println("peakon-ingest: FAILED: " + e.report(30));
            err.println("All logs: " + layout.logs());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("peakon-ingest: interrupted");
            return FAILED;
        }
    }

    private int stop() {
        StackState state = StackState.at(layout.stateFile());
        if (!Files.exists(layout.stateFile())) {
            out.println("No stack recorded in " + layout.stateDirectory() + ": nothing to stop.");
            return OK;
        }
        int stopped = state.stopRecorded(Duration.ofSeconds(20), out::println);
        out.println("Stopped " + stopped + " process(es).");
        return OK;
    }

    private int status() {
        StackState state = StackState.at(layout.stateFile());
        var live = state.liveProcesses();
        if (live.isEmpty()) {
            out.println("No running stack recorded in " + layout.stateDirectory() + ".");
            return FAILED;
        }
        out.println("Running processes: " + live.stream().map(p -> Long.toString(p.pid())).toList());
        state.get("kafka.bootstrap").ifPresent(v -> out.println("Kafka bootstrap:  " + v));
        state.get("mongo.uri").ifPresent(v -> out.println("Mongo URI:        " + v));
        state.get("simulator.url").ifPresent(v -> out.println("Simulator:        " + v));
        out.println("Logs:             " + layout.logs());
        return OK;
    }

    /** The JVM command of a Kafka tool, run from the broker's jars with {@code arguments}. */
    static JavaCommand kafkaToolCommand(StackLayout layout, CommandLine.KafkaTool tool, List<String> arguments) {
        return JavaCommand.mainClass(tool.name(), KafkaBroker.classpath(layout.kafkaLibs()), tool.mainClass())
                .withJvmOptions("-Xmx512m").withArguments(arguments);
    }

    /** Runs a Kafka command-line tool from the broker's jars, against the running stack unless told otherwise. */
    private int kafkaTool(CommandLine.KafkaTool tool) throws InterruptedException {
        List<String> arguments = new ArrayList<>(tool.arguments());
        boolean hasBootstrap = arguments.stream().anyMatch(a -> a.startsWith("--bootstrap-server")
                || a.startsWith("--broker-list"));
        if (!hasBootstrap && !arguments.contains("--help")) {
            String bootstrap = StackState.at(layout.stateFile()).get("kafka.bootstrap")
                    .or(() -> java.util.Optional.ofNullable(environment.get("KAFKA_BOOTSTRAP_SERVERS")))
                    .orElseThrow(() -> new StackFailure("no running stack recorded in " + layout.stateDirectory()
                            + "; start one with ./peakon-ingest run --keep-running or pass --bootstrap-server"));
            arguments.addAll(0, List.of("--bootstrap-server", bootstrap));
        }
        JavaCommand command = kafkaToolCommand(layout, tool, arguments);
        try {
            Process process = new ProcessBuilder(command.commandLine()).inheritIO().start();
            return process.waitFor();
        } catch (java.io.IOException e) {
            throw new StackFailure("cannot start " + tool.name() + ": " + e.getMessage());
        }
    }
}
