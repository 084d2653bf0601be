package org.peakoningest.servicesupport;

import java.util.concurrent.Callable;
import org.peakoningest.servicesupport.ServiceCommandLine.Launcher;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A service's top command (picocli scans a subclass's {@code @Command}, its command methods and these fields): the
 * {@code --<property>=<value>} arguments given before a command, {@code -h/--help}, and the start of Spring Boot. A
 * subclass declares its commands and what each adds to Spring's arguments; {@link ServiceCommandLine} runs it.
 */
public abstract class ServiceCommand implements Callable<Integer> {

    private final Launcher launcher;

    @Mixin
    private SpringArguments spring;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help.")
    private boolean help;

    protected ServiceCommand(Launcher launcher) {
        this.launcher = launcher;
    }

    /**
     * Starts Spring Boot with the Spring arguments given before the command, then {@code more} (a command's own
     * {@code @Mixin SpringArguments}, given after it), then {@code own}; returns the exit status, or
     * {@link ServiceCommandLine#KEEP_RUNNING} when {@code keepRunning}.
     */
    protected final int start(SpringArguments more, boolean keepRunning, String... own) {
        return launcher.start(spring.then(more, own), keepRunning);
    }
}
