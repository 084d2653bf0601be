package org.peakoningest.browse;

import java.util.concurrent.Callable;
import org.peakoningest.servicesupport.ServiceCommandLine.Launcher;
import org.peakoningest.servicesupport.SpringArguments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The browse service's command line (picocli, run by service-support's {@code ServiceCommandLine}, which decides the
 * exit status of a bad command line or a failed start): no command, only {@code --<property>=<value>} arguments for
 * Spring Boot; the service runs until it is stopped.
 */
@Command(name = "browse-service", customSynopsis = "browse-service [--<property>=<value>...]",
        description = "Serves the read-only API and the UI over the MongoDB projection until stopped.")
final class BrowseCommandLine implements Callable<Integer> {

    private final Launcher launcher;
    @Mixin
    private SpringArguments spring;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    BrowseCommandLine(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        return launcher.start(spring.then(new SpringArguments()), true);
    }
}
