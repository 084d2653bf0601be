package org.peakoningest.fetcher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.peakoningest.fetcher.config.ConfigurationFailureAnalyzer;
import org.peakoningest.fetcher.run.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The fetcher's command line (picocli). A command becomes Spring Boot arguments: {@code peakon.fetcher.command}
 * selects the {@code ApplicationRunner} that does the work ({@code run.IngestCommand}, the {@code daemon} package),
 * {@code --full-sync}/{@code --incremental} override {@code FULL_SYNC}, {@code --<property>=<value>} arguments pass
 * through unchanged.
 *
 * <p>Exit statuses: a bad command line is one line on stderr and 2, before anything starts. A start that fails is 2
 * when {@link ConfigurationFailureAnalyzer} recognises the failure (Boot printed its one line then; the context
 * never became active, so Boot consults no {@code ExitCodeExceptionMapper} and the status is decided here), else 1.
 * After a start, the status is {@code SpringApplication.exit}'s: the command runner's {@code ExitCodeGenerator}.
 */
@Command(name = "fetcher", subcommands = HelpCommand.class, customSynopsis = FetcherCommandLine.USAGE,
        description = "Crawls Peakon into Kafka (without a command: daemon).")
final class FetcherCommandLine implements Callable<Integer> {

    static final String USAGE = "fetcher [ingest [--full-sync|--incremental] [--dry-run] | daemon]"
            + " [--<property>=<value>...]";
    /** What a command that keeps the process running after start-up returns: the JVM stays until SIGTERM. */
    static final int KEEP_RUNNING = -1;

    /** Starts Spring Boot with these arguments; returns the exit status, or {@link #KEEP_RUNNING}. */
    @FunctionalInterface
    interface Launcher {
        int start(List<String> springArgs, boolean keepRunning);
    }

    private final Launcher launcher;
    @Mixin
    private SpringArguments spring;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    private FetcherCommandLine(Launcher launcher) {
        this.launcher = launcher;
    }

    /** Parses {@code args} and runs the command; returns its exit status. */
    static int execute(Launcher launcher, String... args) {
        return new CommandLine(new FetcherCommandLine(launcher)).setUnmatchedOptionsArePositionalParams(true)
                .setParameterExceptionHandler((e, ignored) -> {
                    e.getCommandLine().getErr().println((e instanceof UnmatchedArgumentException unmatched
                            ? "unknown argument '" + unmatched.getUnmatched().get(0) + "'" : e.getMessage())
                            + "; usage: " + USAGE);
                    return ExitCodes.CONFIGURATION;
                })
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    if (ConfigurationFailureAnalyzer.isConfigurationProblem(e)) {
                        return ExitCodes.CONFIGURATION;
                    }
                    commandLine.getErr().println("fetcher failed: " + e);
                    return ExitCodes.RUN_FAILED;
                })
                .execute(args);
    }

    @Override
    public Integer call() {
        return daemon(new SpringArguments());
    }

    @Command(name = "ingest", description = "Crawl once now, print the summary, exit (75: the crawl lock is held).")
    int ingest(@ArgGroup Sync sync, @Option(names = "--dry-run", description = "Count only; publish nothing.")
               boolean dryRun, @Mixin SpringArguments more) {
        List<String> args = springArgs(more, "--peakon.fetcher.command=ingest",
                "--spring.main.web-application-type=none");
        if (sync != null) {
            args.add("--peakon.fetcher.full-sync=" + sync.fullSync);
        }
        if (dryRun) {
            args.add("--peakon.fetcher.dry-run=true");
        }
        return launcher.start(args, false);
    }

    @Command(name = "daemon", description = "RUN_ON_START, then crawl on every SCHEDULE_CRON tick until stopped.")
    int daemon(@Mixin SpringArguments more) {
        return launcher.start(springArgs(more, "--peakon.fetcher.command=daemon"), true);
    }

    /** The user's Spring arguments (before and after the command), then the command's own. */
    private List<String> springArgs(SpringArguments more, String... own) {
        List<String> args = new ArrayList<>(spring.args);
        args.addAll(more.args);
        args.addAll(List.of(own));
        return args;
    }

    /** {@code --full-sync} or {@code --incremental}; without either, {@code FULL_SYNC} decides. */
    static final class Sync {
        @Option(names = "--full-sync", description = "Ignore the stored cursors.")
        private boolean fullSync;
        @Option(names = "--incremental", description = "Continue from the stored cursors.")
        private boolean incremental;
    }

    /** {@code --<property>=<value>} arguments, passed to Spring Boot as they are. */
    static final class SpringArguments {
        @Parameters(paramLabel = "--<property>=<value>", converter = SpringArgument.class,
                description = "A Spring Boot setting, e.g. --logging.level.root=DEBUG.")
        private List<String> args = new ArrayList<>();
    }

    /** A property name has a dot: {@code --full-sync=true} or {@code crawl} is a mistake, not a setting. */
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
