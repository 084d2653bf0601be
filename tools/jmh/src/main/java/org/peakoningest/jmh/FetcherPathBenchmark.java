package org.peakoningest.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.fetcher.publish.RecordPublisher;

/**
 * The fetcher's whole per-document path: a page's bytes → for each item its document key and the producer record's
 * value bytes (what {@code KafkaRecordPublisher} hands to the producer). Per document.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(SimulatedPages.ITEMS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class FetcherPathBenchmark {

    /** Every variant does the same work on these inputs (checked once per fork). */
    @Setup(Level.Trial)
    public void sameOutputs(SimulatedPages pages) {
        SameOutputs.ofFetcherPaths(pages);
    }

    /**
     * The fetcher as it is: {@code ItemCopy} (the item's JSON text copied token by token, its key parts captured on
     * the way) and {@code EnvelopeCodec}'s encoder splicing that text in behind the page's header.
     */
    @Benchmark
    public int current(SimulatedPages pages, Blackhole sink, CpuPerDocument cpu) {
        cpu.start();
        int items = Paths.publish(Paths.CURRENT, pages, new Sink(sink));
        cpu.stop(items);
        return items;
    }

    /**
     * The library alternative: the item as a Jackson {@code TokenBuffer}, its key from a token-filtered tree
     * ({@code KeyParts}), the tokens written into the envelope by the codec's generator.
     */
    @Benchmark
    public int libraryAlternative(SimulatedPages pages, Blackhole sink, CpuPerDocument cpu) {
        cpu.start();
        int items = Paths.publish(Paths.LIBRARY, pages, new Sink(sink));
        cpu.stop(items);
        return items;
    }

    /** Consumes what would go to the producer. */
    record Sink(Blackhole blackhole) implements RecordPublisher.Batch {
        @Override
        public void publish(DocumentKey key, byte[] envelope) {
            blackhole.consume(key);
            blackhole.consume(envelope);
        }

        @Override
        public long awaitAcknowledged() {
            return 0;
        }

        @Override
        public long acknowledged() {
            return 0;
        }

        @Override
        public long distinctKeys() {
            return 0;
        }
    }
}
