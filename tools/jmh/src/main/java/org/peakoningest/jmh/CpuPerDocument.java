package org.peakoningest.jmh;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU time the benchmark's JVM used (every thread: the benchmark's, GC, JIT) while the documents were processed,
 * reported next to JMH's wall-clock score as two counters per iteration ({@code cpuNanos}, {@code documents}).
 * On a machine shared with other work the wall clock also counts the time this process waited for a core; its CPU
 * time does not, and it is what the decisions are about: CPU per document.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuPerDocument {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public long cpuNanos;
    public long documents;
    private long start;

    @Setup(Level.Iteration)
    public void reset() {
        cpuNanos = 0;
        documents = 0;
    }

    void start() {
        start = OS.getProcessCpuTime();
    }

    void stop(int processed) {
        cpuNanos += OS.getProcessCpuTime() - start;
        documents += processed;
    }
}
