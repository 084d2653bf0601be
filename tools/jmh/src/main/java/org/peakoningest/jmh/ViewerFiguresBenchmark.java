package org.peakoningest.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.peakoningest.browse.anonymity.ViewerWorkload;

/**
 * The CPU of a viewer's coloured org map in browse (issue #16): the differencing rule judging every group of the
 * lattice once per month and once for the window, per request, after the answers are read (reading them from MongoDB
 * is not measured here). Milliseconds per request, by company size and months of answers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ViewerFiguresBenchmark {

    @Param({"500", "2000"})
    public int people;

    @Param({"12", "24"})
    public int months;

    private ViewerWorkload workload;

    @Setup(Level.Trial)
    public void company() {
        workload = new ViewerWorkload(people, months, 7);
    }

    @Benchmark
    public int viewerOrgMap() {
        return workload.organisationsShown();
    }
}
