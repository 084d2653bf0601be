package org.peakoningest.writer;

import java.util.Map;
import org.peakoningest.writer.cli.Command;
import org.peakoningest.writer.config.ConfigurationProblem;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.validation.FieldError;

/**
 * writer-service: projects the Kafka topics into MongoDB. See {@link Command} for the command line and
 * {@code docs/writer.md} for operations.
 *
 * <p>Exit status: 0 done (replay), 1 failure, 2 configuration error (one line on stderr naming the setting).
 */
@SpringBootApplication
public class WriterApplication {

    /** Property → environment variable, to name the setting in a configuration error. */
    private static final Map<String, String> ENV_NAMES = Map.ofEntries(
            Map.entry("topic-prefix", "KAFKA_TOPIC_PREFIX"),
            Map.entry("group-id", "WRITER_GROUP_ID"),
            Map.entry("concurrency", "WRITER_CONCURRENCY"),
            Map.entry("max-poll-records", "WRITER_MAX_POLL_RECORDS"),
            Map.entry("mongo-retry-backoff", "WRITER_MONGO_RETRY_BACKOFF_MS"),
            Map.entry("mongo-retry-max-backoff", "WRITER_MONGO_RETRY_MAX_BACKOFF_MS"),
            Map.entry("mongo-timeout", "WRITER_MONGO_TIMEOUT_MS"),
            Map.entry("mongo-socket-timeout", "WRITER_MONGO_SOCKET_TIMEOUT_MS"),
            Map.entry("runs-recount-interval", "WRITER_RUNS_RECOUNT_INTERVAL_MS"),
            Map.entry("startup-timeout", "WRITER_STARTUP_TIMEOUT_MS"));

    public static void main(String[] args) {
        int status = run(args);
        if (status >= 0) {
            System.exit(status);
        }
    }

    /**
     * Runs a command; returns its exit status, or -1 when the service was started and keeps running (its consumer
     * threads keep the JVM alive; SIGTERM closes it gracefully).
     */
    public static int run(String... args) {
        Command command;
        try {
            command = Command.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("writer-service: " + e.getMessage());
            System.err.print(Command.USAGE);
            return 2;
        }
        if (command.mode() == Command.Mode.HELP) {
            System.out.print(Command.USAGE);
            return 0;
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplication(WriterApplication.class).run(command.springArgs().toArray(String[]::new));
        } catch (Throwable e) {
            String problem = configurationProblem(e);
            if (problem != null) {
                System.err.println("writer-service: configuration error: " + problem);
                return 2;
            }
            System.err.println("writer-service: " + (command.mode() == Command.Mode.REPLAY ? "replay" : "start-up")
                    + " failed: " + rootCause(e));
            return 1;
        }
        if (command.mode() == Command.Mode.REPLAY) {
            // The replay ran inside run(); closing stops what is left and flushes the final recount.
            context.close();
            return 0;
        }
        return -1;
    }

    /** The one-line description of a configuration error in the cause chain, or null when it is something else. */
    static String configurationProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationProblem problem) {
                return problem.getMessage();
            }
            if (t instanceof BindValidationException invalid) {
                StringBuilder out = new StringBuilder();
                invalid.getValidationErrors().getAllErrors().forEach(error -> {
                    String field = error instanceof FieldError f ? f.getField() : error.getObjectName();
                    out.append(out.isEmpty() ? "" : "; ").append(settingName(field)).append(' ')
                            .append(error.getDefaultMessage());
                });
                return out.toString();
            }
            if (t instanceof BindException bind && bind.getCause() != null
                    && !(bind.getCause() instanceof BindValidationException)) {
                return settingName(bind.getName().toString()) + " has an invalid value: " + rootCause(bind);
            }
            if (t instanceof IllegalArgumentException && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith("com.mongodb.ConnectionString")) {
                return "MONGO_URI is not a valid MongoDB connection string: " + t.getMessage();
            }
        }
        return null;
    }

    private static String settingName(String property) {
        String key = property.substring(property.lastIndexOf('.') + 1)
                .replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        String env = ENV_NAMES.get(key);
        return env == null ? property : env + " (" + property + ")";
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
