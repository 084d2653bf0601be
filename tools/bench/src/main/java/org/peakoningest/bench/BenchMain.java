package org.peakoningest.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.RunLandingStatus;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.process.Ports;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import org.peakoningest.embeddedstack.stack.StackLayout;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The performance harness ({@code tools/bench/run}, docs/performance.md). One invocation starts the embedded stack's
 * Kafka broker, Mongo-wire server and simulator (embedded-stack's classes, each its own process) and measures, against
 * that same simulator data and that same Mongo endpoint:
 * <ol>
 *   <li>download-and-discard (the limit of the crawl),</li>
 *   <li>raw bulk insert of the writer's documents (the limit of the writer on this Mongo),</li>
 *   <li>the end-to-end crawl: fetcher → Kafka → writer(s) → Mongo until {@code ingestion_runs} says complete,</li>
 *   <li>the replay rebuild ({@code writer-service replay --target-db}) from the topics of 3,</li>
 *   <li>peak RSS of the fetcher, the writers and the replay.</li>
 * </ol>
 * Every phase's counts are checked against the simulator; a count that is not exact fails the run (exit 1).
 * Counts use the {@code count} command ({@code estimatedDocumentCount}): exact on the Mongo-wire server and on a
 * cleanly running MongoDB, and, unlike {@code countDocuments} (a {@code $group} aggregation), it does not scan the
 * collection, so the bench's own checks do not show up in a profile of the Mongo server.
 */
public final class BenchMain {

    static final String APP_TOKEN = EmbeddedStack.SIMULATOR_APP_TOKEN;
    static final String LIVE_DB = "bench_live";
    static final String RAW_DB = "bench_raw";
    static final String REPLAY_DB = "bench_replay";
    static final int SIMULATOR_BUDGET = 5000;
    /** The collections whose counts the simulator reports (drivers_catalog is the fetcher's static CSV). */
    private static final List<String> SIMULATED = java.util.Arrays.stream(PeakonCollection.values())
            .filter(c -> c != PeakonCollection.DRIVERS_CATALOG)
            .map(PeakonCollection::collectionName)
            .toList();

    private static final Pattern REPLAY_TIME = Pattern.compile("finished in ([0-9.]+) s");

    private final BenchOptions options;
    private final Path repository;
    private final Path state;
    private final Results results;
    private final List<String> countErrors = new ArrayList<>();
    private final Ports ports = new Ports();
    private final Instant started = Instant.now();

    BenchMain(BenchOptions options, Path repository) {
        this.options = options;
        this.repository = repository;
        // BENCH_STATE_DIR lets two benches run at once (each needs its own broker data and logs).
        String stateDir = System.getenv("BENCH_STATE_DIR");
        this.state = stateDir == null || stateDir.isBlank()
                ? repository.resolve("tools/bench/target/bench-state")
                : Path.of(stateDir).toAbsolutePath();
        this.results = new Results(options);
    }

    public static void main(String[] args) {
        Path repository =
                Path.of(System.getProperty("peakon.home", ".")).toAbsolutePath().normalize();
        System.exit(new CommandLine(new BenchCommand(repository))
                .setParameterExceptionHandler((e, given) -> {
                    System.err.println("bench: " + e.getMessage() + " (try tools/bench/run --help)");
                    return CommandLine.ExitCode.USAGE;
                })
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    System.err.println("bench: FAILED: " + e);
                    e.printStackTrace();
                    return CommandLine.ExitCode.SOFTWARE;
                })
                .execute(args));
    }

    int run() throws Exception {
        results.environment(repository);
        StackLayout layout = new StackLayout(repository, state);
        StackLayout.deleteRecursively(layout.kafkaDirectory());
        StackLayout.deleteRecursively(layout.mongoDirectory());
        StackLayout.deleteRecursively(layout.logs());
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PEAKON_EMBEDDED_HEAP_MONGO", options.mongoHeap());
        env.put("PEAKON_EMBEDDED_HEAP_SIMULATOR", "1g");
        Path writerJar = snapshot(layout.writerJar());
        Path fetcherJar = snapshot(layout.fetcherJar());
        EmbeddedStack stack = new EmbeddedStack(layout, env, this::progress);
        Thread hook = new Thread(stack::close, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (RssSampler rss = new RssSampler()) {
            stack.startKafka(0);
            String mongoUri = stack.startMongo(0, null, ProcessHandle.current().pid());
            String api = stack.startSimulator(OptionalInt.of(options.answers()), OptionalInt.of(options.employees()));
            stack.supervisor().running().forEach(p -> rss.watch(p.name(), p.pid()));
            Profiler profiler = new Profiler(options, results);
            stack.supervisor().running().stream()
                    .filter(p -> p.name().equals("mongo"))
                    .findFirst()
                    .ifPresent(profiler::attach);
            SimulatedPeakon peakon = new SimulatedPeakon(api);
            JsonNode expected = peakon.expected();
            Map<String, Long> expectedCounts = SimulatedPeakon.counts(expected.path("collections"));
            results.expected(expectedCounts);

            try (MongoClient mongo = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(mongoUri))
                    .applyToSocketSettings(s -> s.readTimeout(10, TimeUnit.MINUTES))
                    .build())) {
                rss.watchAlone("bench", ProcessHandle.current().pid());
                Map<String, Double> cpuStart = rss.cpuSeconds();
                downloadAndDiscard(peakon, expected, expectedCounts);
                Map<String, Double> cpuDownloaded = rss.cpuSeconds();
                rawBulkInsert(peakon, mongo, expected, expectedCounts);
                results.cpu("1 download", delta(cpuStart, cpuDownloaded));
                results.cpu("2 raw insert", delta(cpuDownloaded, rss.cpuSeconds()));
                ServiceLauncher services =
                        new ServiceLauncher(stack, ports, options, writerJar, fetcherJar, rss, profiler);
                Map<String, Double> cpu0 = rss.cpuSeconds();
                endToEnd(services, peakon, mongo, expectedCounts, api);
                Map<String, Double> cpu1 = rss.cpuSeconds();
                replay(services, mongo);
                Map<String, Double> cpu2 = rss.cpuSeconds();
                results.cpu("3 end-to-end", delta(cpu0, cpu1));
                results.cpu("4 replay", delta(cpu1, cpu2));
                // The machine's load changes during a run: measure the limits again after 4, keep the better.
                mongo.getDatabase(REPLAY_DB).drop();
                progress("again after 4: download-and-discard and raw bulk insert");
                downloadAndDiscard(peakon, expected, expectedCounts);
                rawBulkInsert(peakon, mongo, expected, expectedCounts);
            }
            rss.peaksMiB().forEach(results::peakRss);
            profiler.finish(stack.supervisor().running());
        } finally {
            Instant stop = Instant.now();
            stack.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
            progress("stopped every process in "
                    + Duration.between(stop, Instant.now()).toMillis() / 1000.0 + " s");
        }
        results.countErrors(countErrors);
        results.finish(Duration.between(started, Instant.now()));
        String table = results.render();
        System.out.println();
        System.out.println(table);
        results.write(table);
        return countErrors.isEmpty() ? 0 : 1;
    }

    private void downloadAndDiscard(SimulatedPeakon peakon, JsonNode expected, Map<String, Long> expectedCounts) {
        progress("1/4 download-and-discard: every page at per_page=" + options.perPage());
        peakon.resetStats();
        DownloadAndDiscard.Result result = DownloadAndDiscard.run(peakon, options.perPage(), expected);
        Map<String, Long> served = SimulatedPeakon.counts(peakon.stats().path("distinct"));
        long items = 0;
        for (String collection : SIMULATED) {
            long n = served.getOrDefault(collection, 0L);
            items += n;
            check("download: " + collection + " served", n, expectedCounts.get(collection));
        }
        results.download(items, result.bytes(), result.requests(), result.seconds());
        progress(String.format("    %,d items (%,d MB) in %.2f s", items, result.bytes() >> 20, result.seconds()));
    }

    private void rawBulkInsert(
            SimulatedPeakon peakon, MongoClient mongo, JsonNode expected, Map<String, Long> expectedCounts)
            throws InterruptedException {
        int threads = options.writers() * options.writerConcurrency();
        progress("2/4 raw bulk insert: insertMany(unordered) in batches of " + options.batchSize() + ", " + threads
                + " in parallel, into '" + RAW_DB + "'");
        MongoDatabase db = mongo.getDatabase(RAW_DB);
        db.drop();
        RawBulkInsert.Result result =
                RawBulkInsert.run(peakon, mongo, RAW_DB, options.perPage(), options.batchSize(), threads, expected);
        for (String collection : SIMULATED) {
            check(
                    "raw insert: " + collection + " in Mongo",
                    db.getCollection(collection).estimatedDocumentCount(),
                    expectedCounts.get(collection));
        }
        results.rawInsert(result.total(), result.insertSeconds(), result.wallSeconds());
        progress(String.format(
                "    %,d documents: %.2f s in insertMany (%.2f s with fetching and converting)",
                result.total(), result.insertSeconds(), result.wallSeconds()));
        // The Mongo-wire server keeps everything in its heap: give the room back before the live run.
        db.drop();
    }

    private void endToEnd(
            ServiceLauncher services,
            SimulatedPeakon peakon,
            MongoClient mongo,
            Map<String, Long> expectedCounts,
            String api)
            throws InterruptedException {
        progress("3/4 end-to-end: " + options.writers() + " writer(s), then fetcher ingest --full-sync");
        MongoDatabase db = mongo.getDatabase(LIVE_DB);
        List<ManagedProcess> writers = new ArrayList<>();
        for (int i = 1; i <= options.writers(); i++) {
            writers.add(services.startWriter(i, LIVE_DB));
        }
        peakon.resetStats();
        Instant fetcherStart = Instant.now();
        ManagedProcess fetcher = services.startFetcher(LIVE_DB, api);
        Map<PeakonCollection, Instant> firstSeen = new EnumMap<>(PeakonCollection.class);
        Map<PeakonCollection, Instant> lastChange = new EnumMap<>(PeakonCollection.class);
        Map<PeakonCollection, Long> lastCount = new EnumMap<>(PeakonCollection.class);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(options.timeoutMinutes()));
        Instant nextProgress = Instant.now().plusSeconds(10);
        Document run = null;
        Instant complete = null;
        while (complete == null) {
            Instant now = Instant.now();
            for (PeakonCollection c : PeakonCollection.values()) {
                long n = db.getCollection(c.collectionName()).estimatedDocumentCount();
                if (n > 0) {
                    firstSeen.putIfAbsent(c, now);
                }
                if (n != lastCount.getOrDefault(c, 0L)) {
                    lastChange.put(c, now);
                    lastCount.put(c, n);
                }
            }
            run = db.getCollection(MongoCollections.INGESTION_RUNS).find().first();
            if (run != null && RunLandingStatus.COMPLETE.value().equals(run.getString("landing_status"))) {
                complete = now;
                break;
            }
            if (!fetcher.isAlive() && fetcher.exitCode().orElse(0) != 0) {
                throw new IllegalStateException(
                        "the fetcher exited with " + fetcher.exitCode().orElseThrow() + "; log: " + fetcher.logFile()
                                + "\n" + String.join("\n", fetcher.logTail(30)));
            }
            if (writers.stream().noneMatch(ManagedProcess::isAlive)) {
                throw new IllegalStateException(
                        "every writer exited; log: " + writers.get(0).logFile());
            }
            if (now.isAfter(deadline)) {
                throw new IllegalStateException("the run did not land within " + options.timeoutMinutes()
                        + " min; ingestion_runs: " + (run == null ? "none" : run.toJson()));
            }
            if (now.isAfter(nextProgress)) {
                progress("    landed so far: " + lastCount);
                nextProgress = now.plusSeconds(10);
            }
            Thread.sleep(100);
        }
        int exit = fetcher.awaitExit(Duration.ofMinutes(2));
        services.stopped(fetcher);
        if (exit != 0) {
            countErrors.add("end-to-end: fetcher exit code " + exit + " (log " + fetcher.logFile() + ")");
        }
        Instant runStarted = Timestamps.parse(run.getString("started_at"));
        Instant fetchFinished =
                run.getString("finished_at") == null ? null : Timestamps.parse(run.getString("finished_at"));
        if (!"success".equals(run.getString("status"))) {
            countErrors.add("end-to-end: run status " + run.getString("status") + ", last_error "
                    + run.getString("last_error"));
        }

        JsonNode stats = peakon.stats();
        Map<String, Long> served = SimulatedPeakon.counts(stats.path("distinct"));
        Document collections = run.get("collections", Document.class);
        Map<String, long[]> perCollection = new LinkedHashMap<>();
        long total = 0;
        for (PeakonCollection c : PeakonCollection.values()) {
            String name = c.collectionName();
            long inMongo = db.getCollection(name).estimatedDocumentCount();
            Document stat = collections == null ? null : collections.get(name, Document.class);
            long published = stat == null ? -1 : ((Number) stat.getOrDefault("published", -1)).longValue();
            long landed = stat == null ? -1 : ((Number) stat.getOrDefault("landed", -1)).longValue();
            if (SIMULATED.contains(name)) {
                check(
                        "end-to-end: " + name + " served by the simulator",
                        served.getOrDefault(name, -1L),
                        expectedCounts.get(name));
                check("end-to-end: " + name + " in Mongo vs served", inMongo, served.getOrDefault(name, -1L));
            }
            check("end-to-end: " + name + " in Mongo vs published", inMongo, published);
            check("end-to-end: " + name + " landed vs published", landed, published);
            total += inMongo;
            Instant first = firstSeen.get(c);
            Instant last = lastChange.get(c);
            perCollection.put(name, new long[] {
                inMongo,
                first == null ? -1 : Duration.between(runStarted, first).toMillis(),
                last == null ? -1 : Duration.between(runStarted, last).toMillis()
            });
        }
        long maxInWindow = stats.path("maxRequestsInWindow").asLong();
        long tooMany = stats.path("statuses").path("429").asLong(0);
        long requests = 0;
        for (Map.Entry<String, JsonNode> e : stats.path("requests").properties()) {
            requests += e.getValue().asLong();
        }
        if (maxInWindow > SIMULATOR_BUDGET) {
            countErrors.add("rate budget: " + maxInWindow + " requests in one window > " + SIMULATOR_BUDGET);
        }
        results.endToEnd(
                total,
                Duration.between(runStarted, complete),
                Duration.between(fetcherStart, complete),
                fetchFinished == null ? null : Duration.between(runStarted, fetchFinished),
                perCollection,
                run.getString("_id"));
        results.rateBudget(maxInWindow, SIMULATOR_BUDGET, tooMany, requests);
        progress(String.format(
                "    %,d documents landed, run %s complete %.1f s after RunStarted "
                        + "(%.1f s after the fetcher process started)",
                total,
                run.getString("_id"),
                Duration.between(runStarted, complete).toMillis() / 1000.0,
                Duration.between(fetcherStart, complete).toMillis() / 1000.0));
        // Phase 4 runs alone on the machine: the idle live writers are stopped (their peaks are kept).
        for (ManagedProcess writer : writers) {
            services.stop(writer);
        }
    }

    private void replay(ServiceLauncher services, MongoClient mongo) throws InterruptedException {
        progress("4/4 replay: writer-service replay --target-db " + REPLAY_DB);
        MongoDatabase live = mongo.getDatabase(LIVE_DB);
        MongoDatabase rebuilt = mongo.getDatabase(REPLAY_DB);
        rebuilt.drop();
        // The live counts are kept and the live database dropped: the Mongo-wire server holds every database in its
        // heap, and two copies of a million answers do not fit comfortably next to everything else.
        Map<String, Long> liveCounts = new LinkedHashMap<>();
        for (PeakonCollection c : PeakonCollection.values()) {
            liveCounts.put(
                    c.collectionName(), live.getCollection(c.collectionName()).estimatedDocumentCount());
        }
        liveCounts.put(
                MongoCollections.INGESTION_RUNS,
                live.getCollection(MongoCollections.INGESTION_RUNS).estimatedDocumentCount());
        live.drop();
        Instant start = Instant.now();
        ManagedProcess replay = services.startReplay(LIVE_DB, REPLAY_DB);
        int exit = replay.awaitExit(Duration.ofMinutes(options.timeoutMinutes()));
        Duration wall = Duration.between(start, Instant.now());
        services.stopped(replay);
        if (exit != 0) {
            throw new IllegalStateException("replay exited with " + exit + "; log " + replay.logFile() + "\n"
                    + String.join("\n", replay.logTail(30)));
        }
        Double reported = null;
        try {
            Matcher m = REPLAY_TIME.matcher(Files.readString(replay.logFile()));
            if (m.find()) {
                reported = Double.parseDouble(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long total = 0;
        for (PeakonCollection c : PeakonCollection.values()) {
            long n = rebuilt.getCollection(c.collectionName()).estimatedDocumentCount();
            check("replay: " + c.collectionName() + " rebuilt vs live", n, liveCounts.get(c.collectionName()));
            total += n;
        }
        check(
                "replay: ingestion_runs rebuilt vs live",
                rebuilt.getCollection(MongoCollections.INGESTION_RUNS).estimatedDocumentCount(),
                liveCounts.get(MongoCollections.INGESTION_RUNS));
        Document run =
                rebuilt.getCollection(MongoCollections.INGESTION_RUNS).find().first();
        if (run == null || !RunLandingStatus.COMPLETE.value().equals(run.getString("landing_status"))) {
            countErrors.add("replay: ingestion_runs of the rebuilt database is not complete: "
                    + (run == null ? "missing" : run.getString("landing_status")));
        }
        results.replay(total, reported, wall);
        progress(String.format(
                "    %,d documents rebuilt: %s s by the replay's own clock, %.1f s process wall time",
                total, reported, wall.toMillis() / 1000.0));
    }

    /** CPU seconds each process used between two readings (processes that exited keep their last reading). */
    private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new java.util.TreeMap<>();
        after.forEach((name, seconds) -> {
            double d = seconds - before.getOrDefault(name, 0.0);
            if (d > 0.05) {
                used.put(name, d);
            }
        });
        return used;
    }

    private void check(String what, long actual, Long expected) {
        if (expected == null || actual != expected) {
            countErrors.add(what + ": " + actual + " != expected " + expected);
            progress("    COUNT MISMATCH " + what + ": " + actual + " != expected " + expected);
        }
    }

    /** A copy of a service jar, so a {@code mvn package} during the bench cannot pull it from under a JVM. */
    private Path snapshot(Path jar) throws IOException {
        Path copy = state.resolve("jars").resolve(jar.getFileName());
        Files.createDirectories(copy.getParent());
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    void progress(String message) {
        System.out.printf(
                "[%6.1fs] %s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0, message);
        System.out.flush();
    }

    static boolean isUp(String url) {
        try {
            HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(2))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
