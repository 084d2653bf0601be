package org.peakoningest.fetcher;

import java.util.ArrayList;
import java.util.List;
import org.peakoningest.servicesupport.ServiceCommand;
import org.peakoningest.servicesupport.ServiceCommandLine.Launcher;
import org.peakoningest.servicesupport.SpringArguments;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The fetcher's command line (picocli, run by service-support's {@code ServiceCommandLine}, which decides the exit
 * status of a bad command line or a failed start). A command becomes Spring Boot arguments:
 * {@code peakon.fetcher.command} selects the {@code ApplicationRunner} that does the work ({@code run.IngestCommand},
 * the {@code daemon} package), {@code --full-sync}/{@code --incremental} override {@code FULL_SYNC},
 * {@code --<property>=<value>} arguments pass through unchanged.
 */
@Command(
        name = "fetcher",
        subcommands = HelpCommand.class,
        customSynopsis = "fetcher [ingest [--full-sync|--incremental] [--dry-run] | daemon] [--<property>=<value>...]",
        description = "Crawls Peakon into Kafka (without a command: daemon).")
final class FetcherCommandLine extends ServiceCommand {

    FetcherCommandLine(Launcher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() {
        return daemon(new SpringArguments());
    }

    @Command(name = "ingest", description = "Crawl once now, print the summary, exit (75: the crawl lock is held).")
    int ingest(
            @ArgGroup Sync sync,
            @Option(names = "--dry-run", description = "Count only; publish nothing.") boolean dryRun,
            @Mixin SpringArguments more) {
        List<String> own =
                new ArrayList<>(List.of("--peakon.fetcher.command=ingest", "--spring.main.web-application-type=none"));
        if (sync != null) {
            own.add("--peakon.fetcher.full-sync=" + sync.fullSync);
        }
        if (dryRun) {
            own.add("--peakon.fetcher.dry-run=true");
        }
        return start(more, false, own.toArray(String[]::new));
    }

    @Command(name = "daemon", description = "RUN_ON_START, then crawl on every SCHEDULE_CRON tick until stopped.")
    int daemon(@Mixin SpringArguments more) {
        return start(more, true, "--peakon.fetcher.command=daemon");
    }

    /** {@code --full-sync} or {@code --incremental}; without either, {@code FULL_SYNC} decides. */
    static final class Sync {
        @Option(names = "--full-sync", description = "Ignore the stored cursors.")
        private boolean fullSync;

        @Option(names = "--incremental", description = "Continue from the stored cursors.")
        private boolean incremental;
    }
}
