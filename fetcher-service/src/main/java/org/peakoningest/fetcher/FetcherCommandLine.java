package org.peakoningest.fetcher;

import java.util.ArrayList;
import java.util.List;
import org.peakoningest.servicesupport.ServiceCommand;
import org.peakoningest.servicesupport.ServiceCommandLine.Launcher;
import org.peakoningest.servicesupport.SpringArguments;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The fetcher's command line (picocli, run by service-support's {@code ServiceCommandLine}, which decides the exit
 * status of a bad command line or a failed start). A command becomes Spring Boot arguments:
 * {@code peakon.fetcher.command} selects the {@code ApplicationRunner} that does the work ({@code run.IngestCommand},
 * the {@code daemon} package, {@code erase.EraseCommand}), {@code --full-sync}/{@code --incremental} override
 * {@code FULL_SYNC},
 * {@code --<property>=<value>} arguments pass through unchanged.
 */
@Command(
        name = "fetcher",
        subcommands = HelpCommand.class,
        customSynopsis = "fetcher [ingest [--full-sync|--incremental] [--dry-run] | daemon"
                + " | erase --employee <id> [--by <name>] [--lift] [--dry-run]] [--<property>=<value>...]",
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

    @Command(
            name = "erase",
            description = "Erase one person from the topics: tombstones for their employee document and answers, an"
                    + " erasure record on the erasures topic; later crawls skip them (75: the crawl lock is held).")
    int erase(
            @Option(
                            names = "--employee",
                            required = true,
                            paramLabel = "<id>",
                            converter = NonBlank.class,
                            description = "The Peakon employee id (employees[].id, answers' employeeId).")
                    String employee,
            @Option(
                            names = "--by",
                            paramLabel = "<name>",
                            converter = NonBlank.class,
                            description = "Who asks, recorded as erased_by (default: the operating-system user).")
                    String by,
            @Option(names = "--lift", description = "Lift the erasure: the next crawl publishes the person again.")
                    boolean lift,
            @Option(
                            names = "--dry-run",
                            description = "List what would be erased (counts, record keys); publish nothing.")
                    boolean dryRun,
            @Mixin SpringArguments more) {
        List<String> own = new ArrayList<>(List.of(
                "--peakon.fetcher.command=erase",
                "--spring.main.web-application-type=none",
                // erase never calls Peakon: PEAKON_APP_TOKEN and PEAKON_BASE_URL are not required for it (the real ones
                // are kept when set).
                "--peakon.fetcher.app-token=${PEAKON_APP_TOKEN:not-needed-by-erase}",
                "--peakon.fetcher.base-url=${PEAKON_BASE_URL:https://not-needed-by-erase.invalid/api/v1}",
                "--peakon.fetcher.erase.employee=" + employee));
        if (by != null) {
            own.add("--peakon.fetcher.erase.by=" + by);
        }
        if (lift) {
            own.add("--peakon.fetcher.erase.lift=true");
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

    /** A value that is not blank (an id or a name that is only spaces would name nobody). */
    static final class NonBlank implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("must not be blank");
            }
            return value.strip();
        }
    }

    /** {@code --full-sync} or {@code --incremental}; without either, {@code FULL_SYNC} decides. */
    static final class Sync {
        @Option(names = "--full-sync", description = "Ignore the stored cursors.")
        private boolean fullSync;

        @Option(names = "--incremental", description = "Continue from the stored cursors.")
        private boolean incremental;
    }
}
