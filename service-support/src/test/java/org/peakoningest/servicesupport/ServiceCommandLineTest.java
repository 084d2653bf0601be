package org.peakoningest.servicesupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peakoningest.servicesupport.ServiceCommandLine.Launcher;
import org.peakoningest.testsupport.CommandOutput;

/** The command line glue without Spring: arguments become Spring arguments; mistakes and failures get a status. */
class ServiceCommandLineTest {

    private final List<String> springArgs = new ArrayList<>();

    @Test
    void springArgumentsBeforeAndAfterTheCommandPassThroughInOrder() {
        assertThat(execute(recording(), "--a.b=1", "check", "--c.d=x=y")).isZero();
        assertThat(springArgs).containsExactly("--a.b=1", "--c.d=x=y", "--demo.command=check");
    }

    @Test
    void aCommandThatKeepsRunningSaysSo() {
        assertThat(execute(recording())).isEqualTo(ServiceCommandLine.KEEP_RUNNING);
        assertThat(springArgs).containsExactly("--demo.command=serve");
    }

    @Test
    void aMistakeIsOneLineWithTheUsageAndStatusTwo() {
        for (String[] args : List.of(
                new String[] {"crawl"},
                new String[] {"check", "--strct"},
                new String[] {"check", "--server-port=1"},
                new String[] {"--a.b"})) {
            CommandOutput result = CommandOutput.of(() -> execute(recording(), args));
            assertThat(result.status()).isEqualTo(ServiceCommandLine.CONFIGURATION);
            assertThat(result.errLine())
                    .startsWith("unknown argument '" + args[args.length - 1] + "'")
                    .endsWith("; usage: demo [check] [--<property>=<value>...]");
        }
        assertThat(springArgs).as("nothing started").isEmpty();
    }

    @Test
    void aConfigurationProblemIsStatusTwoAndBootsLineAlone() {
        CommandOutput result = CommandOutput.of(() -> execute(
                (args, keepRunning) -> {
                    throw new IllegalStateException(
                            "context failed", new ConfigurationProblem("DEMO_HOST", "is wrong"));
                },
                "check"));
        assertThat(result.status()).isEqualTo(ServiceCommandLine.CONFIGURATION);
        assertThat(result.err())
                .as("Boot's reporter prints the line, not the command line")
                .isEmpty();
    }

    @Test
    void anyOtherFailureIsStatusOneAndItsRootCause() {
        CommandOutput result = CommandOutput.of(() -> execute(
                (args, keepRunning) -> {
                    throw new IllegalStateException("context failed", new ArithmeticException("/ by zero"));
                },
                "check"));
        assertThat(result.status()).isEqualTo(ServiceCommandLine.FAILURE);
        assertThat(result.errLine()).isEqualTo("demo check failed: ArithmeticException: / by zero");
    }

    @Test
    void helpShowsTheSynopsisAndTheSpringArgumentsAndStartsNothing() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"help", "check"})) {
            CommandOutput help = CommandOutput.of(() -> execute(recording(), args));
            assertThat(help.status()).isZero();
            assertThat(help.out()).contains("Usage: demo", "[--<property>=<value>...]", "A Spring Boot setting");
        }
        assertThat(springArgs).isEmpty();
    }

    private Launcher recording() {
        return (args, keepRunning) -> {
            springArgs.addAll(args);
            return keepRunning ? ServiceCommandLine.KEEP_RUNNING : 0;
        };
    }

    private static int execute(Launcher launcher, String... args) {
        return ServiceCommandLine.execute(new Demo(launcher), args);
    }
}
