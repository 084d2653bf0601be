package org.peakoningest.embeddedstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import org.peakoningest.embeddedstack.stack.StackLayout;
import org.peakoningest.embeddedstack.summary.MongoInspector;
import org.peakoningest.embeddedstack.summary.RunRecord;
import tools.jackson.databind.JsonNode;

/**
 * What the deployment tests of this module share ({@link EndToEndIT} and the fault-injection ITs): an
 * {@link EmbeddedStack} from the built jars whose state and process logs stay in {@code target/<name>-state}, an ingest
 * awaited until the writers decided its landing, and the check a user cares about: MongoDB holds exactly what the
 * Peakon simulator served, every document in the version of the run, and nothing was dead-lettered.
 *
 * <p>Closing it stops every process and checks that none is left running.
 */
final class StackFixture implements AutoCloseable {

    static final Path REPOSITORY =
            Path.of(System.getProperty("peakon.home", "../..")).toAbsolutePath();
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final EmbeddedStack stack;
    private final StackLayout layout;
    private MongoInspector mongo;
    private MongoClient client;

    /** A stack whose state and logs are in {@code target/<name>-state}, emptied first. */
    StackFixture(String name) {
        this.name = name;
        Path state = Path.of("target", name + "-state").toAbsolutePath();
        StackLayout.deleteRecursively(state);
        System.out.println("[" + name + "] state and logs: " + state);
        this.layout = new StackLayout(REPOSITORY, state);
        this.stack = new EmbeddedStack(layout, Map.of(), this::say);
    }

    EmbeddedStack stack() {
        return stack;
    }

    /**
     * Runs {@code ./peakon-ingest erase <arguments>} against this stack (the fetcher's {@code erase}, with the stack's
     * erasure secret, as the launcher does) and returns its exit code.
     */
    int erase(String... arguments) throws InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(stack.infrastructureEnvironment());
        env.put(
                org.peakoningest.embeddedstack.stack.ErasureSecret.VARIABLE,
                org.peakoningest.embeddedstack.stack.ErasureSecret.of(layout, Map.of()));
        ManagedProcess erase = stack.supervisor()
                .start(Launcher.eraseCommand(layout, List.of(arguments)).withEnvironment(env));
        int exit = erase.awaitExit(RUN_TIMEOUT);
        say("erase " + String.join(" ", arguments) + " exited with " + exit + " (log " + erase.logFile() + ")");
        stack.supervisor().stop(erase);
        return exit;
    }

    /** Every progress line of the stack so far ("writer-1 killed (SIGKILL)", …). */
    List<String> progress() {
        return List.copyOf(progress);
    }

    /** Prints a progress line (the stack's, or the test's own) and keeps it for {@link #progress()}. */
    void say(String line) {
        progress.add(line);
        System.out.println("[" + name + "] " + line);
    }

    /** Broker and Mongo-wire server on free ports (Mongo exits with this JVM). */
    void startInfrastructure() throws InterruptedException {
        stack.startKafka(0);
        stack.startMongo(0, null, ProcessHandle.current().pid());
    }

    /** The stack's database, read only. */
    MongoInspector mongo() {
        if (mongo == null) {
            mongo = new MongoInspector(stack.mongoUri(), stack.mongoDatabase());
        }
        return mongo;
    }

    /** Something to do while a run is in flight (before its landing is complete). */
    interface MidRun {
        void run(ManagedProcess fetcher) throws Exception;
    }

    /**
     * Runs one ingest (with {@code midRun} once the writer recorded the run's start, if given), asserts that the
     * fetcher succeeded and waits until the writers report the landing complete; returns the run document.
     */
    RunRecord ingest(boolean fullSync, MidRun midRun) throws Exception {
        return ingest(fullSync, Map.of(), midRun);
    }

    /** {@link #ingest(boolean, MidRun)} with these fetcher settings (e.g. {@code PEAKON_PER_PAGE}). */
    RunRecord ingest(boolean fullSync, Map<String, String> fetcherSettings, MidRun midRun) throws Exception {
        Set<String> before = mongo().runIds();
        ManagedProcess fetcher = stack.startIngest(fullSync, "fetcher", fetcherSettings);
        if (midRun != null) {
            // In flight = the writer has recorded the run's start and the landing is not complete.
            fetcher.awaitCondition(
                    "the run document", () -> mongo().newRun(before).isPresent(), RUN_TIMEOUT);
            assertThat(mongo().newRun(before).map(RunRecord::landingComplete)).contains(false);
            midRun.run(fetcher);
        }
        RunRecord run = awaitRun(fetcher, before, 0);
        assertThat(run.landingStatus()).as("landing status of %s", run).contains("complete");
        return run;
    }

    /**
     * Waits for {@code fetcher} to exit with {@code exitCode}, then for the writers to decide the landing of the run
     * it started (the first run not in {@code before}); returns that run's document.
     */
    RunRecord awaitRun(ManagedProcess fetcher, Set<String> before, int exitCode) throws InterruptedException {
        assertThat(fetcher.awaitExit(RUN_TIMEOUT))
                .as("exit code of %s (log %s)", fetcher.name(), fetcher.logFile())
                .isEqualTo(exitCode);
        stack.supervisor().stop(fetcher);
        return awaitLandingDecided(before);
    }

    /**
     * Waits until the run started after {@code before} was taken has a landing the writers decided (complete,
     * superseded, nothing); returns its document as it then is (or as it is at the timeout).
     */
    RunRecord awaitLandingDecided(Set<String> before) throws InterruptedException {
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        Optional<RunRecord> run = mongo().newRun(before);
        while (run.map(r -> !r.landingDecided()).orElse(true) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            run = mongo().newRun(before);
        }
        assertThat(run).as("ingestion_runs document of the run").isPresent();
        return run.get();
    }

    /**
     * Exactly what the simulator served: every collection holds the distinct items served (no duplicates, nothing
     * missing), every document is the version of {@code run} (it re-fetched everything: a first run or a full sync),
     * the run landed complete and no record went to a dead-letter topic.
     */
    Map<String, Long> assertExact(RunRecord run) throws Exception {
        Map<String, Long> expected = assertCopyExact(run);
        for (PeakonCollection c : PeakonCollection.values()) {
            assertThat(run.landed(c.collectionName()))
                    .as("documents of %s carrying run %s", c.collectionName(), run.runId())
                    .contains(expected.get(c.collectionName()));
        }
        return expected;
    }

    /**
     * What the simulator served, after a run that did not re-fetch everything (an incremental run completing an
     * earlier one): every collection holds the distinct items served, the run landed complete, nothing was
     * dead-lettered.
     */
    Map<String, Long> assertCopyExact(RunRecord run) throws Exception {
        Map<String, Long> expected = expectedCounts(run);
        assertThat(run.landingComplete()).as("landing of %s", run).isTrue();
        assertThat(mongo().documentCounts()).as("documents per collection").isEqualTo(expected);
        assertNothingDeadLettered();
        return expected;
    }

    void assertNothingDeadLettered() throws Exception {
        assertThat(deadLetters())
                .as("records on the dead-letter topics")
                .allSatisfy((topic, records) -> assertThat(records).as(topic).isZero());
    }

    /**
     * Per collection, what Mongo must hold: the distinct items the simulator served (its own bookkeeping, not the
     * pipeline's); the static driver catalog is not served by Peakon, so its count is what the fetcher published.
     */
    Map<String, Long> expectedCounts(RunRecord run) throws Exception {
        JsonNode distinct =
                ContractJson.mapper().readTree(simulatorGet("/_sim/stats")).path("distinct");
        Map<String, Long> expected = new LinkedHashMap<>();
        for (PeakonCollection collection : PeakonCollection.values()) {
            String collectionName = collection.collectionName();
            expected.put(
                    collectionName,
                    collection == PeakonCollection.DRIVERS_CATALOG
                            ? run.published(collectionName).orElseThrow()
                            : distinct.path(collectionName).asLong());
        }
        return expected;
    }

    /** The stack's database, for reads the {@link MongoInspector} does not offer (closed with the fixture). */
    com.mongodb.client.MongoDatabase database() {
        if (client == null) {
            client = MongoClients.create(stack.mongoUri());
        }
        return client.getDatabase(stack.mongoDatabase());
    }

    /** Documents of {@code collection} that carry {@code runId}: what the writers have landed of that run so far. */
    long documentsOfRun(String collection, String runId) {
        return database().getCollection(collection).countDocuments(Filters.eq(DocumentFields.RUN_ID, runId));
    }

    /** Records on each dead-letter topic ({@code <topic>.DLT} of the data and run-event topics, made by the writers). */
    Map<String, Long> deadLetters() throws Exception {
        TopicNames topics = stack.topics();
        List<String> names = new ArrayList<>();
        for (PeakonCollection collection : PeakonCollection.values()) {
            names.add(topics.deadLetterTopic(topics.dataTopic(collection)));
        }
        names.add(topics.deadLetterTopic(topics.runEventsTopic()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<String, TopicDescription> described = admin.describeTopics(
                            names.stream().filter(existing::contains).toList())
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new LinkedHashMap<>();
            described
                    .values()
                    .forEach(topic -> topic.partitions()
                            .forEach(p ->
                                    ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> records = new LinkedHashMap<>();
            names.forEach(topic -> records.put(topic, 0L));
            admin.listOffsets(ends)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((partition, end) -> records.merge(partition.topic(), end.offset(), Long::sum));
            return records;
        }
    }

    String simulatorGet(String path) throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(controlUri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response.body();
    }

    void simulatorPost(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(controlUri(path))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST " + path + ": " + response.body())
                .isEqualTo(200);
    }

    /** The simulator's control endpoints live beside the API: {@code http://host:port/_sim/...}. */
    private URI controlUri(String path) {
        URI base = URI.create(stack.simulatorUrl().orElseThrow(() -> new IllegalStateException("no simulator")));
        return URI.create(base.getScheme() + "://" + base.getAuthority() + path);
    }

    /** Stops every process of the stack and checks that none is left, nor any other child of this JVM. */
    @Override
    public void close() {
        if (mongo != null) {
            mongo.close();
        }
        if (client != null) {
            client.close();
        }
        List<Long> pids = new ArrayList<>();
        stack.supervisor().running().forEach(p -> pids.add(p.pid()));
        stack.close();
        assertThat(pids)
                .allMatch(pid -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive))
                .isEmpty();
    }
}
