package org.peakoningest.servicesupport;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs a service's {@link ServiceCommand}, whose commands start Spring Boot through a {@link Launcher}, with the exit
 * statuses every service shares. A bad command line is one line on stderr ending in the command's
 * {@code customSynopsis}, status 2, before anything starts. A start that fails is 2 when
 * {@link ConfigurationFailureAnalyzer} recognises the failure (Boot printed its one line then; the context never
 * became active, so Boot consults no {@code ExitCodeExceptionMapper} and the status is decided here), else one line
 * naming the root cause and 1. After a start, the status is the command's: {@code SpringApplication.exit}'s (the
 * command runner's {@code ExitCodeGenerator}), or {@link #KEEP_RUNNING}.
 */
public final class ServiceCommandLine {

    /** What a command that keeps the process running after start-up returns: the JVM stays until SIGTERM. */
    public static final int KEEP_RUNNING = -1;
    /** Something failed that is not the configuration's fault. */
    static final int FAILURE = 1;
    /** A bad command line or configuration. */
    public static final int CONFIGURATION = 2;

    private ServiceCommandLine() {}

    /** Starts Spring Boot with these arguments; returns the exit status, or {@link #KEEP_RUNNING}. */
    @FunctionalInterface
    public interface Launcher {
        int start(List<String> springArgs, boolean keepRunning);
    }

    /** Starts {@code application}, the service's {@code @SpringBootApplication}. */
    public static Launcher springBoot(Class<?> application) {
        return (springArgs, keepRunning) -> {
            ConfigurableApplicationContext context =
                    new SpringApplication(application).run(springArgs.toArray(String[]::new));
            return keepRunning ? KEEP_RUNNING : SpringApplication.exit(context);
        };
    }

    /** Parses {@code args} for {@code command} and runs it; returns its exit status. */
    public static int execute(ServiceCommand command, String... args) {
        return new CommandLine(command)
                .setUnmatchedOptionsArePositionalParams(true)
                .setParameterExceptionHandler((e, ignored) -> {
                    e.getCommandLine()
                            .getErr()
                            .println((e instanceof UnmatchedArgumentException unmatched
                                            ? "unknown argument '"
                                                    + unmatched.getUnmatched().get(0) + "'"
                                            : e.getMessage())
                                    + "; usage: " + usage(e.getCommandLine()));
                    return CONFIGURATION;
                })
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    if (ConfigurationFailureAnalyzer.isConfigurationProblem(e)) {
                        return CONFIGURATION;
                    }
                    commandLine
                            .getErr()
                            .println(commandLine.getCommandSpec().qualifiedName() + " failed: " + rootCause(e));
                    return FAILURE;
                })
                .execute(args);
    }

    /** The end of a service's {@code main}: exits with {@code status} unless the command keeps running. */
    public static void exit(int status) {
        if (status != KEEP_RUNNING) {
            System.exit(status);
        }
    }

    /** The top command's synopsis: the whole command line on one line, whichever subcommand was mistaken. */
    private static String usage(CommandLine commandLine) {
        CommandLine top = commandLine;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        String[] synopsis = top.getCommandSpec().usageMessage().customSynopsis();
        return synopsis.length == 0 ? top.getCommandName() + " --help" : String.join(" ", synopsis);
    }

    /** The innermost cause as {@code Type: message}. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
