package org.peakoningest.servicesupport;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.hibernate.validator.constraints.time.DurationMin;
import org.peakoningest.servicesupport.ServiceCommandLine.Launcher;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.validation.annotation.Validated;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A service in miniature: a command line with a default command and one that exits, and validated settings. */
@Command(name = "demo", subcommands = HelpCommand.class, customSynopsis = "demo [check] [--<property>=<value>...]")
final class Demo extends ServiceCommand {

    Demo(Launcher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() {
        return start(new SpringArguments(), true, "--demo.command=serve");
    }

    @Command(name = "check", description = "Start, then exit.")
    int check(@Option(names = "--strict") boolean strict, @Mixin SpringArguments more) {
        return start(more, false, "--demo.command=check");
    }

    /** The application the {@code check} command starts. */
    @SpringBootConfiguration
    @EnableConfigurationProperties(Settings.class)
    static class Application {

        @Bean
        Settings checked(Settings settings) {
            return switch (settings.failure()) {
                case "configuration" -> throw new ConfigurationProblem("DEMO_HOST", "is unreachable (demo.invalid:1)");
                case "bug" -> throw new IllegalStateException("boom");
                default -> settings;
            };
        }
    }

    /** {@code demo.*}, mapped from {@code DEMO_*} variables in the test's application.yml. */
    @Validated
    @ConfigurationProperties("demo")
    record Settings(
            @Min(1) int count,

            @DurationUnit(ChronoUnit.SECONDS) @DurationMin(seconds = 1)
            Duration timeout,

            @Size(min = 8) String secret,
            @Min(1) int tokenTtl,
            String failure) {}
}
