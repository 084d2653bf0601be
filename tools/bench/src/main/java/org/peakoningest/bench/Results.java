package org.peakoningest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.databind.JsonNode;

/**
 * Everything one bench run measured, the target verdicts, and their two renderings: the table printed at the end
 * (also saved as {@code bench-<answers>.txt}) and {@code bench-<answers>.json} (read back by {@code --compare-with}).
 */
final class Results {

    static final double FETCHER_RSS_LIMIT_MIB = 256;
    static final double WRITER_RSS_LIMIT_MIB = 512;
    static final double GROWTH_LIMIT = 0.25;

    private final BenchOptions options;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Map<String, Double> rss = new LinkedHashMap<>();
    private final List<String[]> targets = new ArrayList<>();
    private String commit = "?";
    private String loadStart = "?";
    private String loadEnd = "?";
    private String javaVersion = System.getProperty("java.version");
    private Map<String, Long> expected = Map.of();
    private long downloadItems;
    private long downloadBytes;
    private int downloadRequests;
    private double downloadSeconds;
    private long rawDocs;
    private final List<Double> downloadAttempts = new ArrayList<>();
    private final List<Double> rawAttempts = new ArrayList<>();
    private double rawSeconds;
    private double rawWallSeconds;
    private long e2eDocs;
    private Duration e2eRun;
    private Duration e2eProcess;
    private Duration e2eFetch;
    private Map<String, long[]> e2ePerCollection = Map.of();
    private String runId;
    private long maxInWindow = -1;
    private long budget;
    private long tooMany;
    private long requests;
    private long replayDocs;
    private Double replayReported;
    private Duration replayWall;
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
    private List<String> countErrors = List.of();
    private Duration total;

    Results(BenchOptions options) {
        this.options = options;
    }

    void environment(Path repository) {
        String head = run(repository, "git", "rev-parse", "--short", "HEAD").trim();
        boolean dirty = !run(repository, "git", "status", "--porcelain").isBlank();
        commit = head + (dirty ? "-dirty" : "");
        loadStart = loadAverage();
    }

    void expected(Map<String, Long> counts) {
        expected = counts;
    }

    /** Measurements 1 and 2 run twice (before 3 and after 4): the limit is the better of the two. */
    void download(long items, long bytes, int requests, double seconds) {
        downloadAttempts.add(rate(items, seconds));
        if (downloadSeconds > 0 && rate(items, seconds) <= rate(downloadItems, downloadSeconds)) {
            return;
        }
        downloadItems = items;
        downloadBytes = bytes;
        downloadRequests = requests;
        downloadSeconds = seconds;
    }

    void rawInsert(long docs, double insertSeconds, double wallSeconds) {
        rawAttempts.add(rate(docs, insertSeconds));
        if (rawSeconds > 0 && rate(docs, insertSeconds) <= rate(rawDocs, rawSeconds)) {
            return;
        }
        rawDocs = docs;
        rawSeconds = insertSeconds;
        rawWallSeconds = wallSeconds;
    }

    void endToEnd(
            long docs,
            Duration fromRunStart,
            Duration fromProcessStart,
            Duration fetch,
            Map<String, long[]> perCollection,
            String runId) {
        e2eDocs = docs;
        e2eRun = fromRunStart;
        e2eProcess = fromProcessStart;
        e2eFetch = fetch;
        e2ePerCollection = perCollection;
        this.runId = runId;
    }

    void rateBudget(long maxInWindow, long budget, long tooMany, long requests) {
        this.maxInWindow = maxInWindow;
        this.budget = budget;
        this.tooMany = tooMany;
        this.requests = requests;
    }

    void replay(long docs, Double reportedSeconds, Duration wall) {
        replayDocs = docs;
        replayReported = reportedSeconds;
        replayWall = wall;
    }

    void cpu(String phase, Map<String, Double> secondsByProcess) {
        cpu.put(phase, secondsByProcess);
    }

    void peakRss(String process, double mib) {
        rss.put(process, mib);
    }

    void profile(String recording, Path summary) {
        profiles.put(
                recording,
                summary == null ? "(not summarised)" : summary.getFileName().toString());
    }

    void countErrors(List<String> errors) {
        countErrors = List.copyOf(errors);
    }

    void finish(Duration total) {
        this.total = total;
        loadEnd = loadAverage();
    }

    private static double rate(long docs, double seconds) {
        return seconds <= 0 ? 0 : docs / seconds;
    }

    private static String rates(List<Double> attempts) {
        return attempts.stream().map(r -> String.format("%,.0f", r)).toList().toString();
    }

    private static double seconds(Duration d) {
        return d == null ? 0 : d.toMillis() / 1000.0;
    }

    String render() {
        double download = rate(downloadItems, downloadSeconds);
        double raw = rate(rawDocs, rawSeconds);
        double e2e = rate(e2eDocs, seconds(e2eRun));
        double e2eProc = rate(e2eDocs, seconds(e2eProcess));
        double replaySeconds = replayReported != null ? replayReported : seconds(replayWall);
        double replay = rate(replayDocs, replaySeconds);
        double replayWallRate = rate(replayDocs, seconds(replayWall));
        double limit = Math.min(download, raw);

        StringBuilder t = new StringBuilder();
        t.append(String.format(
                "== peakon-ingest bench: %,d answers, %,d employees ==%n", options.answers(), options.employees()));
        t.append(String.format(
                "commit %s | %s | Java %s | %d cores | load average %s (start) / %s (end)%n",
                commit,
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                javaVersion,
                Runtime.getRuntime().availableProcessors(),
                loadStart,
                loadEnd));
        t.append(String.format(
                "config: per_page %d | writers %d x WRITER_CONCURRENCY %d | batch (WRITER_MAX_POLL_RECORDS, "
                        + "insertMany) %d | heaps: fetcher %s, writer/replay %s, mongo %s | JVM options: fetcher %s,"
                        + " writer %s | profile %s%n",
                options.perPage(),
                options.writers(),
                options.writerConcurrency(),
                options.batchSize(),
                options.fetcherHeap(),
                options.writerHeap(),
                options.mongoHeap(),
                options.fetcherJvm(),
                options.writerJvm(),
                options.profile() ? "ON (JFR: slower)" : "off"));
        t.append("stack: Kafka 4.1.2 KRaft broker (own JVM), mongo-java-server memory backend (own JVM), "
                + "simulator (own JVM), 6 partitions per topic\n");
        if (parseLoad(loadStart) > 2.5 || parseLoad(loadEnd) > 2.5) {
            t.append("NOTE: the machine was loaded by other work (load > cores): these figures are not final.\n");
        }
        t.append('\n');
        t.append(String.format("%-48s %12s %10s %12s %9s%n", "measurement", "docs", "seconds", "docs/s", "ratio"));
        t.append(String.format(
                "%-48s %,12d %10.2f %,12.0f %9s%n",
                "1 download-and-discard (best of runs)", downloadItems, downloadSeconds, download, ""));
        t.append(String.format(
                "%-48s %,12d %10.2f %,12.0f %9s%n", "2 raw bulk insert (best of runs)", rawDocs, rawSeconds, raw, ""));
        t.append(String.format(
                "%-48s %,12d %10.2f %,12.0f %9.2f%n",
                "3 end-to-end, RunStarted -> landing complete",
                e2eDocs,
                seconds(e2eRun),
                e2e,
                limit == 0 ? 0 : e2e / limit));
        t.append(String.format(
                "%-48s %,12d %10.2f %,12.0f %9.2f%n",
                "  same, from the fetcher's process start",
                e2eDocs,
                seconds(e2eProcess),
                e2eProc,
                limit == 0 ? 0 : e2eProc / limit));
        t.append(String.format(
                "%-48s %,12d %10.2f %,12.0f %9.2f%n",
                "4 replay rebuild (the replay's own clock)",
                replayDocs,
                replaySeconds,
                replay,
                raw == 0 ? 0 : replay / raw));
        t.append(String.format(
                "%-48s %,12d %10.2f %,12.0f %9.2f%n",
                "  same, process start -> exit",
                replayDocs,
                seconds(replayWall),
                replayWallRate,
                raw == 0 ? 0 : replayWallRate / raw));
        t.append(String.format(
                "(ratios: 3 vs min(1, 2) = %,.0f docs/s; 4 vs 2. 1 and 2 ran before 3 and again after 4, "
                        + "docs/s of each run: download %s, raw insert %s (the machine's load varies).%n"
                        + " Download: %,d requests, %,d MB. Raw insert = wall time inside insertMany; with fetching and "
                        + "converting: %.2f s. Fetch part of 3 (RunStarted -> RunFinished): %.2f s.)%n%n",
                limit,
                rates(downloadAttempts),
                rates(rawAttempts),
                downloadRequests,
                downloadBytes >> 20,
                rawWallSeconds,
                seconds(e2eFetch)));

        t.append("end-to-end per collection (times after RunStarted; docs/s = docs / (complete - first landed))\n");
        t.append(String.format(
                "  %-18s %10s %10s %10s %12s%n", "collection", "docs", "first (s)", "complete (s)", "docs/s"));
        e2ePerCollection.forEach((name, v) -> {
            double span = (v[2] - v[1]) / 1000.0;
            t.append(String.format(
                    "  %-18s %,10d %10.2f %10.2f %12s%n",
                    name,
                    v[0],
                    v[1] / 1000.0,
                    v[2] / 1000.0,
                    span >= 0.5 ? String.format("%,.0f", v[0] / span) : "(< 0.5 s)"));
        });
        t.append(String.format("  %-18s %,10d %10s %10.2f %,12.0f%n%n", "all", e2eDocs, "", seconds(e2eRun), e2e));

        t.append("peak RSS (VmHWM, MiB; writers over phase 3, replay over phase 4)\n");
        rss.forEach((name, mib) -> {
            if (!name.equals("bench")) {
                t.append(String.format("  %-12s %8.0f%n", name, mib));
            }
        });
        t.append('\n');
        if (!cpu.isEmpty()) {
            t.append(
                    "CPU seconds used per process (user+system, /proc/<pid>/stat) during each phase (first runs of 1"
                            + " and 2; 'bench' = this harness: the HTTP client of 1, fetching + converting + the driver in 2)\n");
            cpu.forEach((phase, byProcess) -> {
                double sum = byProcess.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum();
                t.append(String.format("  %-14s total %6.1f s:", phase, sum));
                byProcess.forEach((name, s) ->
                        t.append(String.format("  %s %.1f (%.0f%%)", name, s, sum == 0 ? 0 : 100 * s / sum)));
                t.append('\n');
            });
            t.append('\n');
        }
        t.append(String.format(
                "rate budget: max %d API requests in one window (simulator budget %d per hour); "
                        + "%d requests in phase 3, %d answered 429%n",
                maxInWindow, budget, requests, tooMany));
        t.append(
                countErrors.isEmpty()
                        ? "counts: EXACT (every phase matches the simulator / the live database)\n"
                        : "counts: NOT EXACT\n"
                                + String.join(
                                        "\n",
                                        countErrors.stream().map(e -> "  " + e).toList()) + "\n");
        t.append('\n');

        evaluateTargets(download, raw, e2e, replay);
        t.append("targets\n");
        targets.forEach(row -> t.append(String.format("  %-4s %s%n", row[0], row[1])));
        if (!profiles.isEmpty()) {
            t.append("\nprofiles (tools/bench/results/profiles/): ")
                    .append(profiles)
                    .append('\n');
        }
        t.append(String.format("%nbench wall time %.0f s%n", seconds(total)));

        json.put("answers", options.answers());
        json.put("employees", options.employees()); // not a collection name
        json.put("commit", commit);
        json.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("load_average_start", loadStart);
        json.put("load_average_end", loadEnd);
        json.put(
                "config",
                Map.of(
                        "per_page",
                        options.perPage(),
                        "writers",
                        options.writers(),
                        "writer_concurrency",
                        options.writerConcurrency(),
                        "batch_size",
                        options.batchSize(),
                        "fetcher_heap",
                        options.fetcherHeap(),
                        "writer_heap",
                        options.writerHeap(),
                        "mongo_heap",
                        options.mongoHeap(),
                        "fetcher_jvm",
                        String.join(" ", options.fetcherJvm()),
                        "writer_jvm",
                        String.join(" ", options.writerJvm()),
                        "profile",
                        options.profile()));
        json.put("expected", expected);
        json.put(
                "download",
                Map.of(
                        "docs",
                        downloadItems,
                        "seconds",
                        downloadSeconds,
                        "docs_per_s",
                        download,
                        "bytes",
                        downloadBytes,
                        "requests",
                        downloadRequests,
                        "docs_per_s_each_run",
                        downloadAttempts));
        json.put(
                "raw_insert",
                Map.of(
                        "docs",
                        rawDocs,
                        "seconds",
                        rawSeconds,
                        "docs_per_s",
                        raw,
                        "wall_seconds",
                        rawWallSeconds,
                        "docs_per_s_each_run",
                        rawAttempts));
        Map<String, Object> perCollection = new LinkedHashMap<>();
        e2ePerCollection.forEach(
                (k, v) -> perCollection.put(k, Map.of("docs", v[0], "first_ms", v[1], "complete_ms", v[2])));
        json.put(
                "end_to_end",
                Map.of(
                        "docs",
                        e2eDocs,
                        "seconds",
                        seconds(e2eRun),
                        "docs_per_s",
                        e2e,
                        "seconds_from_process_start",
                        seconds(e2eProcess),
                        "fetch_seconds",
                        seconds(e2eFetch),
                        "run_id",
                        String.valueOf(runId),
                        "per_collection",
                        perCollection));
        Map<String, Object> replayJson = new LinkedHashMap<>();
        replayJson.put("docs", replayDocs);
        replayJson.put("seconds", replaySeconds);
        replayJson.put("docs_per_s", replay);
        replayJson.put("wall_seconds", seconds(replayWall));
        json.put("replay", replayJson);
        json.put("peak_rss_mib", rss);
        json.put("cpu_seconds", cpu);
        json.put(
                "rate_budget",
                Map.of(
                        "max_requests_in_window",
                        maxInWindow,
                        "budget",
                        budget,
                        "answered_429",
                        tooMany,
                        "requests",
                        requests));
        json.put("count_errors", countErrors);
        List<Map<String, String>> verdicts = new ArrayList<>();
        targets.forEach(row -> verdicts.add(Map.of("verdict", row[0], "target", row[1])));
        json.put("targets", verdicts);
        json.put("bench_seconds", seconds(total));
        return t.toString();
    }

    private void evaluateTargets(double download, double raw, double e2e, double replay) {
        targets.clear();
        double limit = Math.min(download, raw);
        target(
                e2e >= 0.7 * limit,
                String.format(
                        "end-to-end >= 0.7 x min(1, 2): %,.0f vs %,.0f docs/s (%.2f x)",
                        e2e, 0.7 * limit, limit == 0 ? 0 : e2e / limit));
        target(
                replay >= 0.8 * raw,
                String.format(
                        "replay >= 0.8 x (2): %,.0f vs %,.0f docs/s (%.2f x)",
                        replay, 0.8 * raw, raw == 0 ? 0 : replay / raw));
        Double fetcher = rss.get("fetcher");
        if (fetcher != null) {
            target(
                    fetcher <= FETCHER_RSS_LIMIT_MIB,
                    String.format(
                            "fetcher peak RSS <= %.0f MiB at per_page=%d: " + "%.0f MiB (-Xmx%s)",
                            FETCHER_RSS_LIMIT_MIB, options.perPage(), fetcher, options.fetcherHeap()));
        }
        rss.forEach((name, mib) -> {
            if (name.startsWith("writer-") || name.equals("replay")) {
                target(
                        mib <= WRITER_RSS_LIMIT_MIB,
                        String.format(
                                "%s peak RSS <= %.0f MiB: %.0f MiB (-Xmx%s)",
                                name, WRITER_RSS_LIMIT_MIB, mib, options.writerHeap()));
            }
        });
        target(
                maxInWindow >= 0 && maxInWindow <= budget && tooMany == 0,
                String.format(
                        "zero rate-budget violations: max %d requests per window <= %d, %d answered 429",
                        maxInWindow, budget, tooMany));
        if (options.compareWith() != null) {
            JsonNode previous;
            try {
                previous = ContractJson.mapper().readTree(Files.readString(options.compareWith()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --compare-with " + options.compareWith(), e);
            }
            long before = previous.path("answers").asLong();
            JsonNode old = previous.path("peak_rss_mib");
            rss.forEach((name, mib) -> {
                if ((name.equals("fetcher") || name.startsWith("writer-") || name.equals("replay")) && old.has(name)) {
                    double was = old.path(name).asDouble();
                    double growth = mib / was - 1;
                    target(
                            growth <= GROWTH_LIMIT,
                            String.format(
                                    "%s RSS growth %,d -> %,d answers <= +%.0f%%: " + "%.0f -> %.0f MiB (%+.0f%%)",
                                    name, before, options.answers(), GROWTH_LIMIT * 100, was, mib, growth * 100));
                }
            });
        } else {
            targets.add(new String[] {"--", "RSS growth 200k -> 1M: needs --compare-with or --sizes"});
        }
    }

    private void target(boolean pass, String text) {
        targets.add(new String[] {pass ? "PASS" : "FAIL", text});
    }

    void write(String table) {
        try {
            Files.createDirectories(options.resultsDir());
            String base = options.resultsName();
            Files.writeString(options.resultsDir().resolve(base + ".txt"), table);
            Files.writeString(
                    options.resultsDir().resolve(base + ".json"),
                    ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
            System.out.println("results: " + options.resultsDir().resolve(base + ".json") + " and .txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static double parseLoad(String load) {
        try {
            return Double.parseDouble(load.split(" ")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String run(Path directory, String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
