package org.peakoningest.fetcher;

import java.util.Optional;
import org.peakoningest.fetcher.cli.CliCommand;
import org.peakoningest.fetcher.cli.ExitCodes;
import org.peakoningest.fetcher.cli.FetcherCommands;
import org.peakoningest.fetcher.config.ConfigurationErrors;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.config.StartupChecks;
import org.peakoningest.fetcher.lock.CrawlLock;
import org.peakoningest.fetcher.run.IngestionRun;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar fetcher.jar [ingest [--full-sync|--incremental] [--dry-run] | daemon]}: see docs/fetcher.md.
 */
@SpringBootApplication
public class FetcherApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String... args) {
        CliCommand command;
        try {
            command = CliCommand.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return ExitCodes.CONFIGURATION;
        }
        SpringApplication app = new SpringApplication(FetcherApplication.class);
        // The daemon serves Actuator (health, info, metrics) on FETCHER_HTTP_PORT; a one-off ingest serves nothing.
        app.setWebApplicationType(command.mode() == CliCommand.Mode.DAEMON
                ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        app.setRegisterShutdownHook(true);
        ConfigurableApplicationContext context;
        try {
            context = app.run(command.springArgs().toArray(String[]::new));
        } catch (RuntimeException e) {
            return configurationFailure(e);
        }
        try (context) {
            FetcherCommands commands = new FetcherCommands(context.getBean(FetcherProperties.class),
                    context.getBean(StartupChecks.class), context.getBean(CrawlLock.class),
                    context.getBean(IngestionRun.class), System.out);
            return commands.execute(command);
        } catch (RuntimeException e) {
            return configurationFailure(e);
        }
    }

    private static int configurationFailure(RuntimeException e) {
        Optional<String> line = ConfigurationErrors.describe(e);
        if (line.isPresent()) {
            System.err.println(line.get());
            return ExitCodes.CONFIGURATION;
        }
        System.err.println("fetcher failed: " + e);
        e.printStackTrace(System.err);
        return ExitCodes.RUN_FAILED;
    }
}
