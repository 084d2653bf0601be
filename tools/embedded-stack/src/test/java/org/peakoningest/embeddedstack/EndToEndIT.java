package org.peakoningest.embeddedstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import org.peakoningest.embeddedstack.stack.StackLayout;
import org.peakoningest.embeddedstack.summary.MongoInspector;
import org.peakoningest.embeddedstack.summary.RunRecord;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline across processes, from the built jars: broker, Mongo-wire server, simulator, two writers and
 * the fetcher, each its own JVM (issue 5, part 4).
 *
 * <ol>
 *   <li>ingest → every collection holds exactly what the simulator served, {@code ingestion_runs} says complete;</li>
 *   <li>ingest again (full sync: everything is published a second time) → still exact, no duplicates;</li>
 *   <li>grow the company, ingest, kill -9 one writer while the run is in flight and start it again → still exact.</li>
 * </ol>
 *
 * <p>Needs {@code peakon-simulator}, {@code fetcher-service} and {@code writer-service} packaged: the reactor builds
 * them before this module (declaration order in the root pom; nothing here depends on them at Maven level, so
 * {@code mvn verify -pl tools/embedded-stack} alone uses whatever jars are in their {@code target/} directories, and fails
 * with the build command when there are none).
 */
class EndToEndIT {

    private static final Path REPOSITORY =
            Path.of(System.getProperty("peakon.home", "../..")).toAbsolutePath();
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void ingestsExactlyWhatThePeakonSimulatorServedAgainAndThroughAWriterCrash() throws Exception {
        // Under target/, not a temporary directory: the processes' logs stay for whoever has to read a failure.
        Path state = Path.of(System.getProperty("embedded.stack.it.state", "target/e2e-state"))
                .toAbsolutePath();
        StackLayout.deleteRecursively(state);
        System.out.println("[e2e] state and logs: " + state);
        StackLayout layout = new StackLayout(REPOSITORY, state);
        List<Long> pids = new ArrayList<>();
        try (EmbeddedStack stack = new EmbeddedStack(layout, Map.of(), line -> {
            progress.add(line);
            System.out.println("[e2e] " + line);
        })) {
            stack.startKafka(0);
            stack.startMongo(0, null, ProcessHandle.current().pid());
            String simulator = stack.startSimulator(OptionalInt.of(5_000), OptionalInt.of(200));
            stack.startWriters(List.of(1, 2));

            try (MongoInspector mongo = new MongoInspector(stack.mongoUri(), stack.mongoDatabase())) {
                // 1. First ingest.
                RunRecord first = ingest(stack, mongo, false, null);
                Map<String, Long> expected = expectedCounts(simulator, first);
                assertThat(expected.get("answers_export")).isEqualTo(5_000);
                assertThat(expected.get("employees")).isEqualTo(200);
                assertThat(first.status()).contains("success");
                assertThat(mongo.documentCounts()).isEqualTo(expected);
                for (PeakonCollection c : PeakonCollection.values()) {
                    assertThat(first.landed(c.collectionName()))
                            .as("landed " + c)
                            .isEqualTo(first.published(c.collectionName()));
                }

                // 2. The same company again, everything re-published: upserts, no duplicates.
                RunRecord second = ingest(stack, mongo, true, null);
                assertThat(second.runId()).isNotEqualTo(first.runId());
                assertThat(second.published("answers_export")).contains(5_000L);
                assertThat(mongo.documentCounts()).isEqualTo(expectedCounts(simulator, second));

                // 3. A bigger company, and writer-1 is killed with SIGKILL while the run is in flight.
                post(simulator, "/_sim/answers?total=8000");
                RunRecord third = ingest(stack, mongo, true, () -> {
                    stack.killWriter(1);
                    stack.startWriter(1);
                });
                assertThat(third.published("answers_export")).contains(8_000L);
                Map<String, Long> grown = expectedCounts(simulator, third);
                assertThat(grown.get("answers_export")).isEqualTo(8_000);
                assertThat(mongo.documentCounts()).isEqualTo(grown);
                assertThat(progress).contains("writer-1 killed (SIGKILL)");
            }
            stack.supervisor().running().forEach(p -> pids.add(p.pid()));
        }
        assertThat(pids)
                .hasSizeGreaterThanOrEqualTo(5)
                .allMatch(pid -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive))
                .isEmpty();
    }

    /** Something to do while a run is in flight (before its landing is complete). */
    private interface MidRun {
        void run() throws Exception;
    }

    /** Runs one ingest and waits until the writers report its landing complete; returns the run document. */
    private RunRecord ingest(EmbeddedStack stack, MongoInspector mongo, boolean fullSync, MidRun midRun)
            throws Exception {
        Set<String> before = mongo.runIds();
        ManagedProcess fetcher = stack.startIngest(fullSync, "fetcher");
        if (midRun != null) {
            // In flight = the writer has recorded the run's start and the landing is not complete.
            fetcher.awaitCondition(
                    "the run document", () -> mongo.newRun(before).isPresent(), RUN_TIMEOUT);
            assertThat(mongo.newRun(before).map(RunRecord::landingComplete)).contains(false);
            midRun.run();
        }
        assertThat(fetcher.awaitExit(RUN_TIMEOUT))
                .as("fetcher exit code (log %s)", fetcher.logFile())
                .isZero();
        stack.supervisor().stop(fetcher);
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        Optional<RunRecord> run = mongo.newRun(before);
        while (run.map(r -> !r.landingComplete()).orElse(true) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            run = mongo.newRun(before);
        }
        assertThat(run).as("ingestion_runs document of the run").isPresent();
        assertThat(run.get().landingStatus())
                .as("landing status of %s", run.get())
                .contains("complete");
        return run.get();
    }

    /**
     * Per collection, what Mongo must hold: the distinct items the simulator served (its own bookkeeping, not the
     * pipeline's); the static driver catalog is not served by Peakon, so its count is what the fetcher published.
     */
    private static Map<String, Long> expectedCounts(String simulatorBaseUrl, RunRecord run) throws Exception {
        JsonNode distinct = ContractJson.mapper()
                .readTree(get(simulatorBaseUrl, "/_sim/stats"))
                .path("distinct");
        Map<String, Long> expected = new LinkedHashMap<>();
        for (PeakonCollection collection : PeakonCollection.values()) {
            String name = collection.collectionName();
            expected.put(
                    name,
                    collection == PeakonCollection.DRIVERS_CATALOG
                            ? run.published(name).orElseThrow()
                            : distinct.path(name).asLong());
        }
        return expected;
    }

    private static String get(String baseUrl, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(controlUri(baseUrl, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response.body();
    }

    private static void post(String baseUrl, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(controlUri(baseUrl, path))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST " + path + ": " + response.body())
                .isEqualTo(200);
    }

    /** The simulator's control endpoints live beside the API: {@code http://host:port/_sim/...}. */
    private static URI controlUri(String baseUrl, String path) {
        URI base = URI.create(baseUrl);
        return URI.create(base.getScheme() + "://" + base.getAuthority() + path);
    }
}
