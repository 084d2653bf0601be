package org.peakoningest.jmh;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.peakoningest.common.Timestamps;

/**
 * What the writer does with {@code fetched_at} per record: parse the envelope's text, format the stored text. Every
 * record of a page carries the same value, which {@link Timestamps} remembers; {@link #javaTime} is the same
 * library call without that memory. (The removed hand-written
 * fixed-width parser and formatter was measured here too, up to commit c1a0dfd: docs/performance.md.)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class TimestampsBenchmark {

    private static final DateTimeFormatter FORMAT =
            new DateTimeFormatterBuilder().appendInstant(6).toFormatter();
    private final String text = "2026-11-23T03:00:12.345678Z";

    /** The product: java.time behind a one-entry memory (a page's records repeat the value). */
    @Benchmark
    public String current() {
        return Timestamps.format(Timestamps.parse(text));
    }

    /** java.time on every call. */
    @Benchmark
    public String javaTime() {
        return FORMAT.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
    }
}
