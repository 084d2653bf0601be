package org.peakoningest.embeddedstack.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Parses {@code ./peakon-ingest <command> [flags]}. Parsing is pure (no I/O), so every flag is unit-tested.
 */
public final class CommandLine {

    /** Kafka's own tools, run from the broker's jars against the running stack. */
    public static final Map<String, String> KAFKA_TOOLS = Map.of(
            "kafka-console-consumer", "org.apache.kafka.tools.consumer.ConsoleConsumer",
            "kafka-console-producer", "org.apache.kafka.tools.ConsoleProducer",
            "kafka-topics", "org.apache.kafka.tools.TopicCommand",
            "kafka-consumer-groups", "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand");

    public static final String USAGE = """
            usage: ./peakon-ingest <command> [options]

            commands:
              run                  start Kafka, a Mongo-wire server, the simulator (or the real Peakon), the
                                   writer(s) and the fetcher as separate processes; run one ingest; print a
                                   summary; stop everything (unless --keep-running)
              stop                 stop a stack left running with --keep-running (uses .embedded/stack.properties)
              status               show the recorded processes and connection strings of a running stack
              kafka-console-consumer | kafka-console-producer | kafka-topics | kafka-consumer-groups [args]
                                   run Kafka's tool from the broker's jars; --bootstrap-server defaults to the
                                   running stack's broker
              help                 this text

            run options:
              --answers N          simulator size: survey answers (simulator default when omitted)
              --employees N        simulator size: employees (simulator default when omitted)
              --writers N          writer processes to start (default 1)
              --full-sync          pass --full-sync to the fetcher (ignore the stored cursors)
              --keep-running       leave every process running after the summary; stop with ./peakon-ingest stop
              --persist            keep Kafka's data and Mongo (H2 file backend) in the state directory between
                                   runs; without it every run starts empty (memory backend)
              --timeout MINUTES    give up waiting for the ingest and the landing after this long (default 60)

            environment: PEAKON_APP_TOKEN + PEAKON_BASE_URL crawl the real Peakon instead of the simulator;
            PEAKON_EMBEDDED_HOME moves the state directory (default <repo>/.embedded); every service setting
            of .env.example (KAFKA_TOPIC_PREFIX, MONGO_DB, PEAKON_PER_PAGE, LOG_LEVEL, ...) is passed through.
            """;

    private static final List<String> VALUED = List.of("--answers", "--employees", "--writers", "--timeout");

    private CommandLine() {
    }

    /** A parsed command. */
    public sealed interface Command {
    }

    public record Run(RunOptions options) implements Command {
    }

    public record Stop() implements Command {
    }

    public record Status() implements Command {
    }

    public record Help() implements Command {
    }

    /** A Kafka tool passthrough: the tool's main class and its arguments, unchanged. */
    public record KafkaTool(String name, String mainClass, List<String> arguments) implements Command {
    }

    /**
     * Options of {@code run}.
     *
     * @param answers   simulator size, empty = the simulator's default
     * @param employees simulator size, empty = the simulator's default
     */
    public record RunOptions(OptionalInt answers, OptionalInt employees, int writers, boolean fullSync,
                             boolean keepRunning, boolean persist, Duration timeout) {

        public static RunOptions defaults() {
            return new RunOptions(OptionalInt.empty(), OptionalInt.empty(), 1, false, false, false,
                    Duration.ofMinutes(60));
        }
    }

    /** Thrown for a usage error; the message is one line naming the bad flag. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    public static Command parse(List<String> args) {
        if (args.isEmpty()) {
            return new Run(RunOptions.defaults());
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (KAFKA_TOOLS.containsKey(command)) {
            return new KafkaTool(command, KAFKA_TOOLS.get(command), List.copyOf(rest));
        }
        return switch (command) {
            case "run" -> new Run(parseRun(rest));
            case "stop" -> noArguments(command, rest, new Stop());
            case "status" -> noArguments(command, rest, new Status());
            case "help", "--help", "-h" -> new Help();
            default -> {
                if (command.startsWith("--")) {
                    // `./peakon-ingest --answers 5000` means run.
                    yield new Run(parseRun(args));
                }
                throw new UsageException("unknown command '" + command + "' (try ./peakon-ingest help)");
            }
        };
    }

    private static RunOptions parseRun(List<String> args) {
        RunOptions o = RunOptions.defaults();
        OptionalInt answers = o.answers();
        OptionalInt employees = o.employees();
        int writers = o.writers();
        boolean fullSync = false;
        boolean keepRunning = false;
        boolean persist = false;
        Duration timeout = o.timeout();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String flag = equals > 0 ? arg.substring(0, equals) : arg;
            String value = null;
            if (VALUED.contains(flag)) {
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(flag + " needs a value");
                }
            } else if (equals > 0) {
                throw new UsageException(flag + " takes no value");
            }
            switch (flag) {
                case "--answers" -> answers = OptionalInt.of(positive(flag, value));
                case "--employees" -> employees = OptionalInt.of(positive(flag, value));
                case "--writers" -> writers = positive(flag, value);
                case "--timeout" -> timeout = Duration.ofMinutes(positive(flag, value));
                case "--full-sync" -> fullSync = true;
                case "--keep-running" -> keepRunning = true;
                case "--persist" -> persist = true;
                default -> throw new UsageException("unknown option '" + arg + "' for run (try ./peakon-ingest help)");
            }
        }
        return new RunOptions(answers, employees, writers, fullSync, keepRunning, persist, timeout);
    }

    private static int positive(String flag, String value) {
        try {
            int parsed = Integer.parseInt(value.trim().replace("_", "").replace(",", ""));
            if (parsed <= 0) {
                throw new UsageException(flag + " must be a positive number, got '" + value + "'");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a positive number, got '" + value.toLowerCase(Locale.ROOT) + "'");
        }
    }

    private static Command noArguments(String command, List<String> rest, Command result) {
        if (!rest.isEmpty()) {
            throw new UsageException(command + " takes no arguments, got " + rest);
        }
        return result;
    }
}
