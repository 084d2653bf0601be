package org.peakoningest.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.peakoningest.jmh.removed.writer.HandBsonBehindCodec;
import org.peakoningest.writer.store.DecodedEnvelope;
import org.peakoningest.writer.store.DocumentMapper;
import org.peakoningest.writer.store.EnvelopeDeserializer;

/**
 * The writer's whole per-document path: a record value's bytes → the {@code RawBsonDocument} that goes to
 * {@code bulkWrite} (what the Kafka value deserializer and {@code IncomingBatch} do per record). Per document.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(SimulatedPages.ITEMS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class WriterPathBenchmark {

    private final EnvelopeDeserializer current = new EnvelopeDeserializer();
    private final org.peakoningest.jmh.removed.writer.EnvelopeDeserializer removed =
            new org.peakoningest.jmh.removed.writer.EnvelopeDeserializer();

    /** The writer as it is: {@code EnvelopeCodec} + {@code ItemToBson} (BsonBinaryWriter), {@code pipe}. */
    @Benchmark
    public void current(SimulatedPages pages, Blackhole sink) {
        List<byte[]> records = pages.records;
        for (int i = 0; i < records.size(); i++) {
            DecodedEnvelope envelope = current.deserialize("t", records.get(i));
            sink.consume(DocumentMapper.toPending(envelope, pages.peakonCollection, 0, i, null).document());
        }
    }

    /** Attribution: the removed BSON encoder ({@code JsonToBson}, {@code BsonBytes}, splicing) behind the codec. */
    @Benchmark
    public void handBsonBehindCodec(SimulatedPages pages, Blackhole sink) {
        List<byte[]> records = pages.records;
        for (int i = 0; i < records.size(); i++) {
            sink.consume(HandBsonBehindCodec.document(records.get(i), pages.peakonCollection, 0, i));
        }
    }

    /** The removed hand-written path: streaming reader + {@code JsonToBson}/{@code BsonBytes}, byte splicing. */
    @Benchmark
    public void removedHandWritten(SimulatedPages pages, Blackhole sink) {
        List<byte[]> records = pages.records;
        for (int i = 0; i < records.size(); i++) {
            org.peakoningest.jmh.removed.writer.DecodedEnvelope envelope = removed.deserialize("t", records.get(i));
            sink.consume(org.peakoningest.jmh.removed.writer.DocumentMapper.toPending(envelope,
                    pages.peakonCollection, 0, i, null).document());
        }
    }
}
