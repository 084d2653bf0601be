package org.peakoningest.servicesupport.logging;

import java.util.Collection;
import java.util.TreeSet;
import org.slf4j.MDC;

/**
 * The {@value #KEY} of the log lines of crawl and landing work: an MDC entry, so plain-text logs keep their pattern
 * and JSON logs ({@code LOG_FORMAT=json}) carry it as a field of every line written inside the scope.
 */
public final class RunIdLogging {

    public static final String KEY = "run_id";

    private RunIdLogging() {}

    /** {@code run_id} for the lines logged on this thread until the scope is closed. */
    public static MDC.MDCCloseable of(String runId) {
        return MDC.putCloseable(KEY, runId);
    }

    /**
     * Several runs at once (a writer's batch may hold records of more than one run): their ids, sorted and joined by
     * commas, so a search for one id still finds the line.
     */
    public static MDC.MDCCloseable of(Collection<String> runIds) {
        return MDC.putCloseable(KEY, String.join(",", new TreeSet<>(runIds)));
    }
}
