package org.peakoningest.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;

/**
 * The command line of one bench run (tools/bench/run passes its arguments through; {@code --sizes} is handled by the
 * script, which runs this program once per size).
 *
 * @param answers          simulated answers (the company size); employees scale with it unless given
 * @param employees        simulated employees
 * @param writers          writer processes in the end-to-end crawl
 * @param writerConcurrency consumer threads per writer ({@code WRITER_CONCURRENCY})
 * @param perPage          {@code per_page} of /answers/export, for the download, the raw insert and the fetcher
 * @param batchSize        documents per raw insertMany = the writer's largest batch ({@code WRITER_MAX_POLL_RECORDS})
 * @param fetcherHeap      -Xmx of the fetcher
 * @param writerHeap       -Xmx of each writer and of the replay
 * @param mongoHeap        -Xmx of the Mongo-wire server (it holds every database in memory)
 * @param fetcherJvm       extra JVM options of the fetcher (space-separated), e.g. {@code -XX:+UseSerialGC}
 * @param writerJvm        extra JVM options of each writer and of the replay
 * @param compareWith      results file of a smaller run, for the memory-growth targets
 * @param profile          record JFR profiles of the fetcher, the writers, the replay and the Mongo-wire server
 * @param resultsDir       where results (and profiles) are written
 * @param label            appended to the results file names (bench-&lt;answers&gt;[-label][-profiled].json)
 * @param timeoutMinutes   give up on one phase after this long
 */
record BenchOptions(int answers, int employees, int writers, int writerConcurrency, int perPage, int batchSize,
                    String fetcherHeap, String writerHeap, String mongoHeap, List<String> fetcherJvm,
                    List<String> writerJvm, Path compareWith, boolean profile,
                    Path resultsDir, String label, int timeoutMinutes) {

    static final String USAGE = """
            usage: tools/bench/run [--answers 200000] [--employees N] [--writers 1] [--writer-concurrency 2]
                             [--per-page 20000] [--batch-size 2000] [--fetcher-heap 128m] [--writer-heap 256m]
                             [--mongo-heap 6g|14g] [--fetcher-jvm "..."] [--writer-jvm "..."]
                             [--compare-with tools/bench/results/<file>.json] [--profile]
                             [--results-dir tools/bench/results] [--label name] [--timeout-minutes 30]
                             [--sizes 200000,1000000]   (script only: one run per size, each compared with the previous)
            heaps and JVM options default to the embedded stack's (./peakon-ingest): fetcher 128m, writer 256m, both
            "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"; --fetcher-jvm/--writer-jvm replace those options.
            """;

    static BenchOptions parse(String[] args, Path repository) {
        int answers = 200_000;
        Integer employees = null;
        int writers = 1;
        int concurrency = 2;
        int perPage = 20_000;
        int batchSize = 2_000;
        // The embedded stack's settings (./peakon-ingest), so the bench measures what users run.
        String fetcherHeap = "128m";
        String writerHeap = "256m";
        String mongoHeap = null;
        List<String> fetcherJvm = EmbeddedStack.SERVICE_JVM_OPTIONS;
        List<String> writerJvm = EmbeddedStack.SERVICE_JVM_OPTIONS;
        Path compareWith = null;
        boolean profile = false;
        Path resultsDir = repository.resolve("tools/bench/results");
        int timeout = 30;
        String label = "";
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (flag.equals("--profile")) {
                profile = true;
                continue;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = rest.remove(0);
            switch (flag) {
                case "--answers" -> answers = positive(flag, value);
                case "--employees" -> employees = positive(flag, value);
                case "--writers" -> writers = positive(flag, value);
                case "--writer-concurrency" -> concurrency = positive(flag, value);
                case "--per-page" -> perPage = positive(flag, value);
                case "--batch-size" -> batchSize = positive(flag, value);
                case "--fetcher-heap" -> fetcherHeap = value;
                case "--writer-heap" -> writerHeap = value;
                case "--mongo-heap" -> mongoHeap = value;
                case "--fetcher-jvm" -> fetcherJvm = jvmOptions(value);
                case "--writer-jvm" -> writerJvm = jvmOptions(value);
                case "--compare-with" -> compareWith = Path.of(value).toAbsolutePath();
                case "--results-dir" -> resultsDir = Path.of(value).toAbsolutePath();
                case "--timeout-minutes" -> timeout = positive(flag, value);
                case "--label" -> label = value.replaceAll("[^A-Za-z0-9_.-]", "_");
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (perPage > 20_000) {
            throw new IllegalArgumentException("--per-page must be 1..20000 (the Peakon limit)");
        }
        // One employee per 100 answers (2,000 at the simulator's default 200,000), at least 200.
        int employeeCount = employees != null ? employees : Math.max(200, answers / 100);
        // The Mongo-wire server keeps a database as Java objects in its heap, and it needs headroom: at 1M answers
        // with 10g its GC took about a third of its CPU (46 vs 32 us per document written; docs/performance.md).
        String mongo = mongoHeap != null ? mongoHeap : (answers > 400_000 ? "14g" : "6g");
        return new BenchOptions(answers, employeeCount, writers, concurrency, perPage, batchSize, fetcherHeap,
                writerHeap, mongo, fetcherJvm, writerJvm, compareWith, profile, resultsDir, label, timeout);
    }

    /** bench-&lt;answers&gt;[-label][-profiled]: the results files' base name (tools/bench/run --sizes relies on it). */
    String resultsName() {
        return "bench-" + answers + (label.isEmpty() ? "" : "-" + label) + (profile ? "-profiled" : "");
    }

    private static List<String> jvmOptions(String value) {
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n < 1) {
                throw new IllegalArgumentException(flag + " must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, not '" + value + "'");
        }
    }
}
