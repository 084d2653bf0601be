package org.peakoningest.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The variants of {@link FetcherPathBenchmark} and {@link WriterPathBenchmark}, measured in pairs: every invocation
 * runs each variant once over the same page (in a rotating order) and adds the benchmark thread's CPU time of each
 * to its own counter. On a shared machine whose load (and the other hyperthread's) changes from second to second,
 * the variants of one invocation see the same machine, so their ratio holds where separate benchmarks drift apart.
 * Thread CPU time leaves out GC and JIT threads: the allocation per document ({@code -prof gc} on the path
 * benchmarks) is reported next to it. JMH's own score (the sum of all variants) means nothing here; read the
 * counters ({@code tools/jmh/run --rounds} prints them per document).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(3)
@State(Scope.Thread)
public class PairedPathsBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Per iteration: each variant's CPU nanoseconds, and the documents each processed. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        public long current;
        public long library;
        public long documents;

        @Setup(Level.Iteration)
        public void reset() {
            current = 0;
            library = 0;
            documents = 0;
        }
    }

    private final Paths paths = new Paths();
    private int turn;

    @Setup(Level.Trial)
    public void sameOutputs(SimulatedPages pages) {
        SameOutputs.ofFetcherPaths(pages);
        SameOutputs.ofWriterPaths(pages);
    }

    @Benchmark
    public void fetcher(SimulatedPages pages, Blackhole sink, Counters counters) {
        turn++;
        for (int i = 0; i < Paths.VARIANTS; i++) {
            int variant = (turn + i) % Paths.VARIANTS;
            long start = THREADS.getCurrentThreadCpuTime();
            FetcherPathBenchmark.Sink batch = new FetcherPathBenchmark.Sink(sink);
            Paths.publish(variant, pages, batch);
            add(counters, variant, THREADS.getCurrentThreadCpuTime() - start);
        }
        counters.documents += SimulatedPages.ITEMS;
    }

    @Benchmark
    public void writer(SimulatedPages pages, Blackhole sink, Counters counters) {
        turn++;
        List<byte[]> records = pages.records;
        for (int v = 0; v < Paths.VARIANTS; v++) {
            int variant = (turn + v) % Paths.VARIANTS;
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < records.size(); i++) {
                sink.consume(paths.document(variant, pages, i));
            }
            add(counters, variant, THREADS.getCurrentThreadCpuTime() - start);
        }
        counters.documents += records.size();
    }

    private static void add(Counters counters, int variant, long nanos) {
        switch (variant) {
            case Paths.CURRENT -> counters.current += nanos;
            default -> counters.library += nanos;
        }
    }
}
