package org.peakoningest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * A command line run in the test's JVM (a service's {@code run(args)}): its exit status and what it printed, which
 * is still echoed to the test's own output afterwards.
 *
 * @param status the exit status the command returned
 * @param out    stdout
 * @param err    stderr without logback's own status lines ({@code 16:43:12,096 |-WARN in Logger[...] - No appenders
 *               present ...}): the test's in-JVM Kafka broker can log while Spring re-initialises logging, which
 *               makes logback print such a line; a service started as its own process has no such neighbour
 */
public record CommandOutput(int status, String out, String err) {

    /** Runs {@code command} with stdout and stderr captured (one command at a time: the streams are global). */
    public static synchronized CommandOutput of(IntSupplier command) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            int status = command.getAsInt();
            return new CommandOutput(
                    status,
                    outBytes.toString(StandardCharsets.UTF_8),
                    errBytes.toString(StandardCharsets.UTF_8)
                            .lines()
                            .filter(line -> !line.matches("^\\d{2}:\\d{2}:\\d{2},\\d{3} \\|-.*"))
                            .collect(Collectors.joining("\n")));
        } finally {
            System.setOut(out);
            System.setErr(err);
            out.print(outBytes.toString(StandardCharsets.UTF_8));
            err.print(errBytes.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * A configuration error as the operator sees it: status 2, exactly one line on stderr, and neither a stack trace
     * nor Boot's "Application run failed" on stdout (the log); returns the line.
     */
    public String configurationError() {
        assertThat(status).as("exit status; stderr: %s", err).isEqualTo(2);
        assertThat(out)
                .as("stdout (the log)")
                .doesNotContain("Application run failed")
                .doesNotContainPattern("(?m)^\\s+at [\\w$.]+\\(");
        return errLine();
    }

    /** The one line on stderr (an error must be exactly one line). */
    public String errLine() {
        assertThat(err.strip().lines()).as("stderr").hasSize(1);
        return err.strip();
    }
}
