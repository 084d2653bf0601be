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
import org.peakoningest.fetcher.crawl.FetcherPath;
import org.peakoningest.jmh.library.fetcher.LibraryFetcherPath;
import org.peakoningest.writer.store.DocumentMapper;
import org.peakoningest.writer.store.EnvelopeDeserializer;

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

    private final EnvelopeDeserializer currentReader = new EnvelopeDeserializer();
    private final org.peakoningest.jmh.library.writer.EnvelopeDeserializer libraryReader =
            new org.peakoningest.jmh.library.writer.EnvelopeDeserializer();
    private int turn;

    @Setup(Level.Trial)
    public void sameOutputs(SimulatedPages pages) {
        SameOutputs.ofFetcherPaths(pages);
        SameOutputs.ofWriterPaths(pages);
    }

    @Benchmark
    public void fetcher(SimulatedPages pages, Blackhole sink, Counters counters) {
        turn++;
        for (int i = 0; i < 2; i++) {
            int variant = (turn + i) % 2;
            long start = THREADS.getCurrentThreadCpuTime();
            FetcherPathBenchmark.Sink batch = new FetcherPathBenchmark.Sink(sink);
            switch (variant) {
                case 0 ->
                    FetcherPath.publish(
                            pages.page,
                            pages.peakonCollection,
                            pages.endpoint,
                            pages.sourceUrl,
                            null,
                            null,
                            SimulatedPages.RUN_ID,
                            batch);
                default ->
                    LibraryFetcherPath.publish(
                            pages.page,
                            pages.peakonCollection,
                            pages.endpoint,
                            pages.sourceUrl,
                            null,
                            null,
                            SimulatedPages.RUN_ID,
                            batch);
            }
            add(counters, variant, THREADS.getCurrentThreadCpuTime() - start);
        }
        counters.documents += SimulatedPages.ITEMS;
    }

    @Benchmark
    public void writer(SimulatedPages pages, Blackhole sink, Counters counters) {
        turn++;
        List<byte[]> records = pages.records;
        for (int v = 0; v < 2; v++) {
            int variant = (turn + v) % 2;
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < records.size(); i++) {
                byte[] record = records.get(i);
                sink.consume(
                        switch (variant) {
                            case 0 ->
                                DocumentMapper.toPending(
                                                currentReader.deserialize("t", record),
                                                pages.peakonCollection,
                                                0,
                                                i,
                                                null)
                                        .document();
                            default ->
                                org.peakoningest.jmh.library.writer.DocumentMapper.toPending(
                                                libraryReader.deserialize("t", record),
                                                pages.peakonCollection,
                                                0,
                                                i,
                                                null)
                                        .document();
                        });
            }
            add(counters, variant, THREADS.getCurrentThreadCpuTime() - start);
        }
        counters.documents += records.size();
    }

    private static void add(Counters counters, int variant, long nanos) {
        switch (variant) {
            case 0 -> counters.current += nanos;
            default -> counters.library += nanos;
        }
    }
}
