package org.peakoningest.servicesupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/** An exit status and what was printed on stderr meanwhile. */
record Captured(int status, String stderr) {

    static synchronized Captured run(IntSupplier action) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = action.getAsInt();
            return new Captured(status, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
            original.print(err.toString(StandardCharsets.UTF_8));
        }
    }

    /** The one line printed (fails unless exactly one). */
    String line() {
        org.assertj.core.api.Assertions.assertThat(stderr.strip().lines()).as("stderr").hasSize(1);
        return stderr.strip();
    }
}
