package org.peakoningest.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.fetcher.crawl.FetcherPath;
import org.peakoningest.fetcher.publish.RecordPublisher;
import org.peakoningest.jmh.removed.fetcher.HandCopyBehindCodec;
import org.peakoningest.jmh.removed.fetcher.RemovedFetcherPath;

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
public class FetcherPathBenchmark {

    /** The fetcher as it is: Jackson's TokenBuffer copy, the key from the item's tree, {@code EnvelopeCodec}. */
    @Benchmark
    public int current(SimulatedPages pages, Blackhole sink) {
        return FetcherPath.publish(pages.page, pages.peakonCollection, pages.endpoint, pages.sourceUrl, null, null,
                SimulatedPages.RUN_ID, new Sink(sink));
    }

    /** The removed hand-written path: {@code ItemCopy} (token copy + key parts), {@code EnvelopeBytes}. */
    @Benchmark
    public int removedHandWritten(SimulatedPages pages, Blackhole sink) {
        return RemovedFetcherPath.publish(pages.page, pages.peakonCollection, pages.endpoint, pages.sourceUrl, null,
                null, SimulatedPages.RUN_ID, new Sink(sink));
    }

    /** Attribution: the removed {@code ItemCopy} in front of the current encoder ({@code EnvelopeCodec}). */
    @Benchmark
    public int handCopyBehindCodec(SimulatedPages pages, Blackhole sink) {
        return HandCopyBehindCodec.publish(pages.page, pages.peakonCollection, pages.endpoint, pages.sourceUrl, null,
                null, SimulatedPages.RUN_ID, new Sink(sink));
    }

    /** Consumes what would go to the producer. */
    private record Sink(Blackhole blackhole) implements RecordPublisher.Batch {
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
