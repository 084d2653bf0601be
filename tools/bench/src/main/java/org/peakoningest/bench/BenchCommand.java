package org.peakoningest.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.peakoningest.embeddedstack.PositiveNumber;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code tools/bench/run} (the script passes every argument through): one bench run, or one per
 * size of {@code --sizes}, each compared with the one before.
 */
@Command(
        name = "tools/bench/run",
        sortOptions = false,
        showDefaultValues = true,
        abbreviateSynopsis = true,
        usageHelpWidth = 116,
        footerHeading = "%n",
        footer = {
            "Heaps and JVM options default to the embedded stack's (./peakon-ingest), so the bench measures what users",
            "run. BENCH_STATE_DIR: another state directory, to run two benches at once. Docs: docs/performance.md.",
            "Exit status: 0 every count exact (targets are PASS/FAIL lines), 1 a count was not exact or a phase",
            "failed, 2 usage error."
        })
final class BenchCommand implements Callable<Integer> {

    private static final int DEFAULT_ANSWERS = 200_000;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--answers",
            paramLabel = "N",
            converter = PositiveNumber.class,
            description = "simulated answers (the company size); default " + DEFAULT_ANSWERS)
    Integer answers;

    @Option(
            names = "--employees",
            paramLabel = "N",
            converter = PositiveNumber.class,
            description = "simulated employees; default answers/100, at least 200")
    Integer employees;

    @Option(
            names = "--writers",
            paramLabel = "N",
            converter = PositiveNumber.class,
            defaultValue = "1",
            description = "writer processes in the end-to-end crawl")
    int writers;

    @Option(
            names = "--writer-concurrency",
            paramLabel = "N",
            converter = PositiveNumber.class,
            defaultValue = "2",
            description = "consumer threads per writer (WRITER_CONCURRENCY)")
    int writerConcurrency;

    @Option(
            names = "--per-page",
            paramLabel = "N",
            converter = PositiveNumber.class,
            defaultValue = "20000",
            description = "per_page of /answers/export (1..20000), for the download, the raw insert and the fetcher")
    int perPage;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            converter = PositiveNumber.class,
            defaultValue = "2000",
            description = "documents per raw insertMany = the writer's largest batch (WRITER_MAX_POLL_RECORDS)")
    int batchSize;

    @Option(names = "--fetcher-heap", paramLabel = "SIZE", defaultValue = "128m", description = "-Xmx of the fetcher")
    String fetcherHeap;

    @Option(
            names = "--writer-heap",
            paramLabel = "SIZE",
            defaultValue = "256m",
            description = "-Xmx of each writer and of the replay")
    String writerHeap;

    @Option(
            names = "--mongo-heap",
            paramLabel = "SIZE",
            description = "-Xmx of the Mongo-wire server (it holds every database); default 6g, 14g above 400k answers")
    String mongoHeap;

    @Option(
            names = "--fetcher-jvm",
            paramLabel = "\"OPTIONS\"",
            description = "JVM options of the fetcher besides "
                    + "the heap, replacing the default \"-XX:+UseSerialGC -XX:TieredStopAtLevel=1\"")
    String fetcherJvm;

    @Option(names = "--writer-jvm", paramLabel = "\"OPTIONS\"", description = "the same for each writer and the replay")
    String writerJvm;

    @Option(
            names = "--compare-with",
            paramLabel = "FILE",
            description = "results (.json) of a smaller run, for the memory-growth targets")
    Path compareWith;

    @Option(
            names = "--profile",
            description = "record JFR profiles of the fetcher, the writers, the replay and the Mongo-wire server")
    boolean profile;

    @Option(
            names = "--results-dir",
            paramLabel = "DIR",
            defaultValue = "${sys:peakon.home:-.}/tools/bench/results",
            description = "where results (and profiles) are written")
    Path resultsDir;

    @Option(
            names = "--label",
            paramLabel = "NAME",
            description = "appended to the results file names: bench-<answers>[-label][-profiled].json")
    String label;

    @Option(
            names = "--timeout-minutes",
            paramLabel = "N",
            converter = PositiveNumber.class,
            defaultValue = "30",
            description = "give up on one phase after this long")
    int timeoutMinutes;

    @Option(
            names = "--sizes",
            paramLabel = "N,N",
            split = ",",
            converter = PositiveNumber.class,
            description = "one run per size (instead of --answers), each compared with the previous (RSS growth)")
    List<Integer> sizes;

    @Option(names = "--no-build", description = "do not check or build the jars first (read by the script)")
    boolean noBuild;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "this text")
    boolean help;

    private final Path repository;

    BenchCommand(Path repository) {
        this.repository = repository;
    }

    @Override
    public Integer call() throws Exception {
        if (perPage > 20_000) {
            throw new ParameterException(spec.commandLine(), "--per-page must be 1..20000 (the Peakon limit)");
        }
        if (sizes == null) {
            return new BenchMain(options(answers == null ? DEFAULT_ANSWERS : answers, compareWith), repository).run();
        }
        if (answers != null || compareWith != null) {
            throw new ParameterException(spec.commandLine(), "--sizes replaces --answers and --compare-with");
        }
        Path previous = null;
        for (int size : sizes) {
            BenchOptions options = options(size, previous);
            int status = new BenchMain(options, repository).run();
            if (status != 0) {
                System.err.println("bench: the run with " + size + " answers failed (exit " + status + ")");
                return status;
            }
            previous = options.resultsDir().resolve(options.resultsName() + ".json");
        }
        return 0;
    }

    private BenchOptions options(int answerCount, Path compare) {
        // One employee per 100 answers (2,000 at the simulator's default 200,000), at least 200.
        int employeeCount = employees != null ? employees : Math.max(200, answerCount / 100);
        // The Mongo-wire server keeps a database as Java objects in its heap, and it needs headroom: at 1M answers
        // with 10g its GC took about a third of its CPU (46 vs 32 us per document written; docs/performance.md).
        String mongo = mongoHeap != null ? mongoHeap : (answerCount > 400_000 ? "14g" : "6g");
        return new BenchOptions(
                answerCount,
                employeeCount,
                writers,
                writerConcurrency,
                perPage,
                batchSize,
                fetcherHeap,
                writerHeap,
                mongo,
                jvmOptions(fetcherJvm),
                jvmOptions(writerJvm),
                compare == null ? null : compare.toAbsolutePath(),
                profile,
                resultsDir.toAbsolutePath().normalize(),
                label == null ? "" : label.replaceAll("[^A-Za-z0-9_.-]", "_"),
                timeoutMinutes);
    }

    /** The embedded stack's options (what users run) unless given; given options replace them. */
    private static List<String> jvmOptions(String value) {
        if (value == null) {
            return EmbeddedStack.SERVICE_JVM_OPTIONS;
        }
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }
}
