package org.peakoningest.browse;

import org.peakoningest.servicesupport.ServiceCommand;
import org.peakoningest.servicesupport.ServiceCommandLine.Launcher;
import org.peakoningest.servicesupport.SpringArguments;
import picocli.CommandLine.Command;

/**
 * The browse service's command line (picocli, run by service-support's {@code ServiceCommandLine}, which decides the
 * exit status of a bad command line or a failed start): no command, only {@code --<property>=<value>} arguments for
 * Spring Boot; the service runs until it is stopped.
 */
@Command(
        name = "browse-service",
        customSynopsis = "browse-service [--<property>=<value>...]",
        description = "Serves the read-only API and the UI over the MongoDB projection until stopped.")
final class BrowseCommandLine extends ServiceCommand {

    BrowseCommandLine(Launcher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() {
        return start(new SpringArguments(), true);
    }
}
