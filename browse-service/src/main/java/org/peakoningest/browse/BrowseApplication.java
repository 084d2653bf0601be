package org.peakoningest.browse;

import org.peakoningest.servicesupport.ServiceCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The browse service: a read-only JSON API and the built Vue UI over the MongoDB projection, behind authentication.
 * {@code java -jar browse-service.jar [--<property>=<value>...]}: see {@link BrowseCommandLine} and docs/browse.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BrowseApplication {

    public static void main(String[] args) {
        ServiceCommandLine.exit(run(args));
    }

    /** Runs the command line; returns the exit status, or -1 for the service, which runs until SIGTERM. */
    public static int run(String... args) {
        return ServiceCommandLine.execute(
                new BrowseCommandLine(ServiceCommandLine.springBoot(BrowseApplication.class)), args);
    }
}
