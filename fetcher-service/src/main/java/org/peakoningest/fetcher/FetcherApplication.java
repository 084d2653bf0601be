package org.peakoningest.fetcher;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar fetcher.jar [ingest [--full-sync|--incremental] [--dry-run] | daemon] [--<property>=<value>...]}:
 * see {@link FetcherCommandLine} and docs/fetcher.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FetcherApplication {

    public static void main(String[] args) {
        int status = run(args);
        if (status != FetcherCommandLine.KEEP_RUNNING) {
            System.exit(status);
        }
    }

    /** Runs the command line; returns the exit status, or -1 for the daemon, which runs until SIGTERM. */
    public static int run(String... args) {
        return FetcherCommandLine.execute(FetcherApplication::start, args);
    }

    private static int start(List<String> springArgs, boolean keepRunning) {
        ConfigurableApplicationContext context = new SpringApplication(FetcherApplication.class)
                .run(springArgs.toArray(String[]::new));
        return keepRunning ? FetcherCommandLine.KEEP_RUNNING : SpringApplication.exit(context);
    }
}
