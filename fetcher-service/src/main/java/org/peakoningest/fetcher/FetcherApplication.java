package org.peakoningest.fetcher;

import org.peakoningest.servicesupport.ServiceCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * {@code java -jar fetcher.jar [ingest [--full-sync|--incremental] [--dry-run] | daemon] [--<property>=<value>...]}:
 * see {@link FetcherCommandLine} and docs/fetcher.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FetcherApplication {

    public static void main(String[] args) {
        ServiceCommandLine.exit(run(args));
    }

    /** Runs the command line; returns the exit status, or -1 for the daemon, which runs until SIGTERM. */
    public static int run(String... args) {
        return ServiceCommandLine.execute(
                new FetcherCommandLine(ServiceCommandLine.springBoot(FetcherApplication.class)), args);
    }
}
