package org.peakoningest.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs the benchmarks in rounds on a shared machine: each round runs one fork of every benchmark, one after the
 * other, so a change of the machine's load during the session falls on every variant alike instead of on whichever
 * benchmark happens to run then (a plain {@code -f 3} runs the three forks of one benchmark back to back). The
 * iterations of all rounds are then summarised per benchmark as JMH does (mean, 99.9 % confidence interval): the
 * wall-clock score and, for the per-document paths, the JVM's CPU time per document ({@link CpuPerDocument}).
 *
 * <pre>
 * tools/jmh/run --rounds 3 [--jvm "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"] [benchmark regex ...]
 * </pre>
 */
public final class Rounds {

    private Rounds() {}

    public static void main(String[] args) throws RunnerException {
        int rounds = 3;
        String jvm = null;
        List<String> includes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--jvm" -> jvm = args[++i];
                default -> includes.add(args[i]);
            }
        }
        if (includes.isEmpty()) {
            includes.add("org.peakoningest.jmh.*Benchmark");
        }
        Map<String, List<Double>> iterations = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("%n=== round %d of %d ===%n", round, rounds);
            ChainedOptionsBuilder options = new OptionsBuilder().forks(1);
            includes.forEach(options::include);
            if (jvm != null) {
                options.jvmArgsAppend(jvm.trim().split("\\s+"));
            }
            Collection<RunResult> results = new Runner(options.build()).run();
            for (RunResult result : results) {
                String name = result.getParams().getBenchmark().replace("org.peakoningest.jmh.", "") + params(result);
                units.put(name, result.getPrimaryResult().getScoreUnit());
                for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
                    for (IterationResult iteration : benchmark.getIterationResults()) {
                        iterations
                                .computeIfAbsent(name, n -> new ArrayList<>())
                                .add(iteration.getPrimaryResult().getScore());
                        Map<String, Result> secondary = iteration.getSecondaryResults();
                        Result<?> documents = secondary.get("documents");
                        if (documents == null || documents.getScore() <= 0) {
                            continue;
                        }
                        Result<?> nanos = secondary.get("cpuNanos");
                        if (nanos != null) {
                            cpu.computeIfAbsent(name, n -> new ArrayList<>())
                                    .add(nanos.getScore() / documents.getScore() / 1000.0);
                        }
                        // PairedPathsBenchmark: one counter per variant, and each variant's ratio to "current"
                        Result<?> current = secondary.get("current");
                        for (String variant : List.of("current", "library")) {
                            Result<?> variantNanos = secondary.get(variant);
                            if (variantNanos == null || variantNanos.getScore() <= 0) {
                                continue;
                            }
                            String key = name + " " + variant;
                            cpu.computeIfAbsent(key, n -> new ArrayList<>())
                                    .add(variantNanos.getScore() / documents.getScore() / 1000.0);
                            units.put(key, "(paired)");
                            if (!variant.equals("current") && current != null && current.getScore() > 0) {
                                ratios.computeIfAbsent(key + " / current", n -> new ArrayList<>())
                                        .add(variantNanos.getScore() / current.getScore());
                            }
                        }
                    }
                }
            }
        }
        System.out.printf(
                "%n%d rounds of one fork each; JVM options appended: %s%n", rounds, jvm == null ? "(none)" : jvm);
        System.out.println("wall: JMH's score (wall clock); cpu: CPU time per document per iteration"
                + " (PairedPathsBenchmark: the benchmark thread's, per variant; the path benchmarks: the whole JVM's);"
                + " mean ± 99.9 % confidence interval");
        System.out.printf("%-56s %4s %22s %22s%n", "benchmark", "n", "wall", "cpu (us/doc)");
        cpu.keySet().stream().filter(name -> !iterations.containsKey(name)).forEach(name -> {
            ListStatistics perDocument = statistics(cpu.get(name));
            System.out.printf(
                    Locale.ROOT,
                    "%-56s %4d %22s %10.3f ± %-9.3f%n",
                    name,
                    perDocument.getN(),
                    "",
                    perDocument.getMean(),
                    perDocument.getMeanErrorAt(0.999));
        });
        ratios.forEach((name, values) -> {
            ListStatistics ratio = statistics(values);
            System.out.printf(
                    Locale.ROOT,
                    "%-56s %4d %22s %10.3f ± %-9.3f (CPU ratio, per iteration)%n",
                    name,
                    ratio.getN(),
                    "",
                    ratio.getMean(),
                    ratio.getMeanErrorAt(0.999));
        });
        iterations.forEach((name, scores) -> {
            if (name.startsWith("PairedPathsBenchmark")) {
                return; // its score is the sum of its variants
            }
            ListStatistics wall = statistics(scores);
            List<Double> cpuScores = cpu.get(name);
            String cpuText = "";
            if (cpuScores != null) {
                ListStatistics perDocument = statistics(cpuScores);
                cpuText = String.format(
                        Locale.ROOT, "%10.3f ± %-9.3f", perDocument.getMean(), perDocument.getMeanErrorAt(0.999));
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-56s %4d %10.3f ± %-9.3f %s %s%n",
                    name,
                    wall.getN(),
                    wall.getMean(),
                    wall.getMeanErrorAt(0.999),
                    units.get(name),
                    cpuText);
        });
    }

    private static ListStatistics statistics(List<Double> values) {
        ListStatistics statistics = new ListStatistics();
        values.forEach(statistics::addValue);
        return statistics;
    }

    private static String params(RunResult result) {
        StringBuilder out = new StringBuilder();
        for (String key : result.getParams().getParamsKeys()) {
            out.append(" [").append(result.getParams().getParam(key)).append(']');
        }
        return out.toString();
    }
}
