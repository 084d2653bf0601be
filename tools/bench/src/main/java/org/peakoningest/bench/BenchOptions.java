package org.peakoningest.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What one bench run measures with: each component is the option of the same name of {@link BenchCommand}, with its
 * default applied ({@code employees} and {@code mongoHeap} scale with {@code answers}; JVM options are split).
 */
record BenchOptions(
        int answers,
        int employees,
        int writers,
        int writerConcurrency,
        int perPage,
        int batchSize,
        String fetcherHeap,
        String writerHeap,
        String mongoHeap,
        List<String> fetcherJvm,
        List<String> writerJvm,
        Path compareWith,
        boolean profile,
        Path resultsDir,
        String label,
        int timeoutMinutes) {

    /** bench-&lt;answers&gt;[-label][-profiled]: the results files' base name (--sizes compares with it). */
    String resultsName() {
        return "bench-" + answers + (label.isEmpty() ? "" : "-" + label) + (profile ? "-profiled" : "");
    }
}
