package org.peakoningest.jmh;

import java.util.List;
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

    private final Paths paths = new Paths();

    /** Every variant does the same work on these inputs (checked once per fork). */
    @Setup(Level.Trial)
    public void sameOutputs(SimulatedPages pages) {
        SameOutputs.ofWriterPaths(pages);
    }

    /**
     * The writer as it is: {@code EnvelopeCodec}'s reader, the item into BSON by {@code JsonToBson}/{@code BsonBytes},
     * the stored document spliced from bytes ({@code DocumentMapper}).
     */
    @Benchmark
    public void current(SimulatedPages pages, Blackhole sink, CpuPerDocument cpu) {
        List<byte[]> records = pages.records;
        cpu.start();
        for (int i = 0; i < records.size(); i++) {
            sink.consume(paths.document(Paths.CURRENT, pages, i));
        }
        cpu.stop(records.size());
    }

    /**
     * The library alternative: the item into BSON by the driver's {@code BsonBinaryWriter} (Jackson's duplicate
     * detection on), the metadata appended by {@code pipe(reader, extraElements)}.
     */
    @Benchmark
    public void libraryAlternative(SimulatedPages pages, Blackhole sink, CpuPerDocument cpu) {
        List<byte[]> records = pages.records;
        cpu.start();
        for (int i = 0; i < records.size(); i++) {
            sink.consume(paths.document(Paths.LIBRARY, pages, i));
        }
        cpu.stop(records.size());
    }
}
