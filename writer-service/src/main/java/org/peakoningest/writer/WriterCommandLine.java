package org.peakoningest.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.peakoningest.writer.config.ConfigurationFailureAnalyzer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The writer's command line (picocli). A command becomes Spring Boot arguments: {@code peakon.writer.command=replay}
 * selects the replay's beans and its {@code ApplicationRunner} ({@code replay.ReplayRunner}), which reads into
 * {@code --target-db} under a group of its own; {@code --<property>=<value>} arguments pass through unchanged.
 *
 * <p>Exit statuses: 0 replay done (or help), 1 failure, 2 configuration error. A bad command line is one line on
 * stderr and 2, before anything starts. A start that fails is 2 when {@link ConfigurationFailureAnalyzer}
 * recognises the failure (Boot printed its one line then; the context never became active, so Boot consults no
 * {@code ExitCodeExceptionMapper} and the status is decided here), else 1. After a start, the status is
 * {@code SpringApplication.exit}'s: the replay runner's {@code ExitCodeGenerator}.
 */
@Command(name = "writer-service", subcommands = HelpCommand.class, customSynopsis = WriterCommandLine.USAGE,
        description = "Projects the Kafka topics into MongoDB (without a command: run).")
final class WriterCommandLine implements Callable<Integer> {

    static final String USAGE = "writer-service [run | replay --target-db <db> [--group <id>]]"
            + " [--<property>=<value>...]";
    /** What a command that keeps the process running after start-up returns: the JVM stays until SIGTERM. */
    static final int KEEP_RUNNING = -1;
    private static final int FAILURE = 1;
    private static final int CONFIGURATION = 2;

    /** Starts Spring Boot with these arguments; returns the exit status, or {@link #KEEP_RUNNING}. */
    @FunctionalInterface
    interface Launcher {
        int start(List<String> springArgs, boolean keepRunning);
    }

    private final Launcher launcher;
    @Spec
    private CommandSpec spec;
    @Mixin
    private SpringArguments spring;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    private WriterCommandLine(Launcher launcher) {
        this.launcher = launcher;
    }

    /** Parses {@code args} and runs the command; returns its exit status. */
    static int execute(Launcher launcher, String... args) {
        return new CommandLine(new WriterCommandLine(launcher)).setUnmatchedOptionsArePositionalParams(true)
                .setParameterExceptionHandler((e, ignored) -> {
                    e.getCommandLine().getErr().println("writer-service: " + (e instanceof UnmatchedArgumentException
                            u ? "unknown argument '" + u.getUnmatched().get(0) + "'" : e.getMessage())
                            + "; usage: " + USAGE);
                    return CONFIGURATION;
                })
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    if (ConfigurationFailureAnalyzer.isConfigurationProblem(e)) {
                        return CONFIGURATION;
                    }
                    commandLine.getErr().println("writer-service: " + ("replay".equals(commandLine.getCommandName())
                            ? "replay" : "start-up") + " failed: " + ConfigurationFailureAnalyzer.rootCause(e));
                    return FAILURE;
                })
                .execute(args);
    }

    @Override
    public Integer call() {
        return run(new SpringArguments());
    }

    @Command(name = "run", description = "Consume the topics into MONGO_DB until stopped (the default).")
    int run(@Mixin SpringArguments more) {
        return launcher.start(springArgs(more, "--peakon.writer.command=run"), true);
    }

    @Command(name = "replay", description = "Rebuild <db> from the topics under a group of its own, then exit.")
    int replay(@Option(names = "--target-db", paramLabel = "<db>") String targetDb,
               @Option(names = "--group", paramLabel = "<id>",
                       description = "Default: peakon-writer-replay-<millis>, deleted after.") String group,
               @Mixin SpringArguments more) {
        if (targetDb == null || targetDb.isBlank()) {
            throw new ParameterException(spec.commandLine(), "replay needs --target-db <database>");
        }
        // MongoDB's database-name rules: no / \ . " $ * < > : | ? or space, at most 63 bytes.
        if (!targetDb.matches("[^/\\\\. \"$*<>:|?]{1,63}")) {
            throw new ParameterException(spec.commandLine(), "--target-db '" + targetDb
                    + "' is not a valid MongoDB database name");
        }
        if (group != null && group.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--group must not be blank");
        }
        String groupId = group != null ? group : "peakon-writer-replay-" + System.currentTimeMillis();
        return launcher.start(springArgs(more, "--peakon.writer.command=replay",
                "--peakon.writer.replay.generated-group=" + (group == null), "--peakon.writer.group-id=" + groupId,
                "--spring.mongodb.database=" + targetDb, "--spring.main.web-application-type=none"), false);
    }

    /** The user's Spring arguments (before and after the command), then the command's own. */
    private List<String> springArgs(SpringArguments more, String... own) {
        List<String> args = new ArrayList<>(spring.args);
        args.addAll(more.args);
        args.addAll(List.of(own));
        return args;
    }

    /** {@code --<property>=<value>} arguments, passed to Spring Boot as they are. */
    static final class SpringArguments {
        @Parameters(paramLabel = "--<property>=<value>", converter = SpringArgument.class,
                description = "A Spring Boot setting, e.g. --server.port=0.")
        private List<String> args = new ArrayList<>();
    }

    /** A property name has a dot: {@code --target-db=} on {@code run} or {@code stray} is a mistake, not a setting. */
    static final class SpringArgument implements ITypeConverter<String> {
        @Override
        public String convert(String arg) {
            if (!arg.matches("--[^=.]+\\.[^=]+=.*")) {
                throw new TypeConversionException("unknown argument '" + arg + "'");
            }
            return arg;
        }
    }
}
