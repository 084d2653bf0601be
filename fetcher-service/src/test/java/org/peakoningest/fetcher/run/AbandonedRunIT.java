package org.peakoningest.fetcher.run;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.kafka.ContractDeserializer;
import org.peakoningest.common.runs.CollectionFinished;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStarted;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.CrawlFixture;
import org.peakoningest.fetcher.FetcherApplication;
import org.peakoningest.fetcher.PeakonStub;
import org.peakoningest.fetcher.TopicReader;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.lock.CrawlLock;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A fetcher killed mid-crawl ({@code kill -9}: the packaged jar as its own process, stopped with
 * {@link Process#destroyForcibly()} while it waits for a slow Peakon) leaves its run {@code running} and the crawl
 * lock held. The next run (under the lock, once it expired) or the daemon's sweep (without the lock) publishes the
 * dead run's {@code RunFinished(abandoned)}, self-contained from what {@code ingestion_runs} holds.
 *
 * <p>The writer is not part of the fetcher's tests (its module is not a dependency here), so this test writes the
 * dead run's {@code ingestion_runs} document itself, the way the writer projects it: from the run's RunStarted and
 * CollectionFinished events as they are on the run-events topic ({@link WriterProjection}).
 */
@TestPropertySource(
        properties = {
            "peakon.fetcher.topic-prefix=it-abandon.",
            "peakon.fetcher.full-sync=true",
            "peakon.fetcher.lock-at-most-for=" + AbandonedRunIT.LOCK_AT_MOST_FOR
        })
class AbandonedRunIT extends CrawlFixture {

    static final String LOCK_AT_MOST_FOR = "30s";
    private static final Duration LOCK = Duration.ofSeconds(30);
    /** The sweep's tolerance for clocks of different fetcher hosts (see {@code abandon.DeadRuns}). */
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);

    @Autowired
    CrawlLock lock;

    @Autowired
    FetcherProperties props;

    @Value("${spring.mongodb.database}")
    String database;

    @Test
    void theNextRunEndsAKilledFetchersRunAsAbandonedOnceTheLockExpired() throws Exception {
        KilledRun killed = killMidCrawl();

        IngestCommand next = new IngestCommand(ingestion, lock, props, false, "");
        await().atMost(LOCK.plusSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            next.run(null);
            return next.getExitCode() != ExitCodes.LOCK_HELD;
        });
        assertThat(next.getExitCode()).as("the next run itself succeeds").isEqualTo(ExitCodes.SUCCESS);

        RunFinished abandoned = abandonedEventOf(killed);
        assertThat(abandoned.finishedAt())
                .as("ended by the first run after the lock expired (at most lock-at-most-for after the kill)")
                .isBefore(killed.at().plus(LOCK).plusSeconds(15));
    }

    @Test
    void theDaemonsSweepEndsAKilledFetchersRunWithoutTakingTheLock() throws Exception {
        KilledRun killed = killMidCrawl();
        Document lockBefore = lockDocument();
        peakon.resetRequests();

        // A daemon that will not crawl for days: only its sweep can end the run.
        try (ConfigurableApplicationContext daemon = daemon()) {
            await().atMost(LOCK.plus(CLOCK_MARGIN).plusSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> lastEventOf(killed.runId()) instanceof RunFinished);
        }
        RunFinished abandoned = abandonedEventOf(killed);
        assertThat(abandoned.finishedAt())
                .isBefore(killed.at().plus(LOCK).plus(CLOCK_MARGIN).plusSeconds(15));
        assertThat(peakon.getAllServeEvents()).as("the sweep does not crawl").isEmpty();
        assertThat(lockDocument().get("lockedAt"))
                .as("the sweep never took the crawl lock")
                .isEqualTo(lockBefore.get("lockedAt"));
    }

    @Test
    void aRunWhoseRunFinishedIsOnTheTopicIsNeverAbandonedEvenIfTheWriterLagsBehind() {
        RunReport finished = ingestion.execute(SyncMode.FULL, false);
        assertThat(finished.status()).isEqualTo(RunStatus.SUCCESS);
        // The writer has not applied its RunFinished yet: in ingestion_runs the run is still running.
        WriterProjection.apply(
                mongo,
                runEventsOf(finished.runId()).stream()
                        .filter(e -> !(e instanceof RunFinished))
                        .toList());

        IngestCommand next = new IngestCommand(ingestion, lock, props, false, "");
        next.run(null);

        assertThat(next.getExitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(runEventsOf(finished.runId()))
                .filteredOn(e -> e instanceof RunFinished)
                .singleElement()
                .extracting(e -> ((RunFinished) e).status())
                .isEqualTo(RunStatus.SUCCESS);
    }

    /** The killed run, the moment it was killed, and its events up to then. */
    private record KilledRun(String runId, Instant at, RunStarted started, CollectionFinished answers) {}

    /**
     * Starts {@code fetcher ingest} as its own process, lets it finish answers_export, kills it while it waits for
     * the employees (Peakon answers after two minutes), and projects what it had announced into ingestion_runs.
     */
    private KilledRun killMidCrawl() throws Exception {
        peakon.stubFor(get(urlPathEqualTo(PeakonStub.API + "/employees"))
                .withQueryParam("page", absent())
                .atPriority(1)
                .willReturn(PeakonStub.json("{\"data\":[]}").withFixedDelay(120_000)));
        Set<String> before = new HashSet<>(runIds());
        Path log = Files.createTempFile("fetcher-killed", ".log");
        Process fetcher = fetcherProcess(log);
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !peakon.findAll(getRequestedFor(urlPathEqualTo(PeakonStub.API + "/employees")))
                            .isEmpty());
        } catch (RuntimeException e) {
            fetcher.destroyForcibly();
            System.out.println(Files.readString(log));
            throw e;
        }
        fetcher.destroyForcibly(); // SIGKILL: no shutdown hook, no RunFinished, no unlock
        assertThat(fetcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Instant killedAt = Instant.now();
        peakon.resetAll();
        stub.standard();

        String runId =
                runIds().stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
        List<RunEvent> events = runEventsOf(runId);
        assertThat(events).as("the killed run announced no end").noneMatch(e -> e instanceof RunFinished);
        Date lockUntil = lockDocument().get("lockUntil", Date.class);
        assertThat(lockUntil.toInstant()).as("the crawl lock is left held").isAfter(Instant.now());
        WriterProjection.apply(mongo, events);
        return new KilledRun(
                runId,
                killedAt,
                (RunStarted) events.get(0),
                events.stream()
                        .filter(e -> e instanceof CollectionFinished f
                                && f.collection().equals("answers_export"))
                        .map(CollectionFinished.class::cast)
                        .findFirst()
                        .orElseThrow());
    }

    private Process fetcherProcess(Path log) throws Exception {
        Path jar = Paths.get("target", "fetcher-service-0.1.0-SNAPSHOT.jar");
        assertThat(jar).exists();
        ProcessBuilder builder = new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "ingest",
                "--full-sync",
                "--peakon.fetcher.lock-at-most-for=" + LOCK_AT_MOST_FOR);
        builder.environment().put("PEAKON_BASE_URL", stub.baseUrl());
        builder.environment().put("PEAKON_APP_TOKEN", PeakonStub.APP_TOKEN);
        builder.environment().put("PEAKON_PER_PAGE", "3");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        builder.environment().put("KAFKA_TOPIC_PREFIX", "it-abandon.");
        builder.environment()
                .put("MONGO_URI", IntegrationInfrastructure.shared().mongoUri());
        builder.environment().put("MONGO_DB", database);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return builder.start();
    }

    private ConfigurableApplicationContext daemon() {
        return new SpringApplication(FetcherApplication.class)
                .run(
                        "--peakon.fetcher.command=daemon",
                        "--peakon.fetcher.schedule-cron=0 3 1 1 *",
                        "--peakon.fetcher.run-on-start=false",
                        "--peakon.fetcher.stale-run-check-interval=1s",
                        "--peakon.fetcher.lock-at-most-for=" + LOCK_AT_MOST_FOR,
                        "--peakon.fetcher.base-url=" + stub.baseUrl(),
                        "--peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN,
                        "--peakon.fetcher.topic-prefix=it-abandon.",
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--spring.mongodb.uri="
                                + IntegrationInfrastructure.shared().mongoUri() + "/" + database,
                        "--spring.mongodb.database=" + database,
                        "--server.port=0");
    }

    /**
     * The dead run's RunFinished: abandoned, and self-contained with what ingestion_runs held (start, mode, the
     * collection it had finished).
     */
    private RunFinished abandonedEventOf(KilledRun killed) {
        RunEvent last = lastEventOf(killed.runId());
        assertThat(last).as("the killed run's last event").isInstanceOf(RunFinished.class);
        RunFinished finished = (RunFinished) last;
        assertThat(finished.status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(finished.lastError())
                .isEqualTo("abandoned: the fetcher stopped mid-run (no RunFinished before the crawl lock expired)");
        assertThat(finished.startedAt()).isEqualTo(killed.started().occurredAt());
        assertThat(finished.syncMode()).isEqualTo(SyncMode.FULL);
        assertThat(finished.collections()).containsOnlyKeys("answers_export");
        assertThat(finished.collections().get("answers_export"))
                .isEqualTo(killed.answers().stats());
        assertThat(finished.finishedAt()).isAfter(killed.at());
        return finished;
    }

    private RunEvent lastEventOf(String runId) {
        List<RunEvent> events = runEventsOf(runId);
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    private List<String> runIds() {
        return runEventsOf().stream()
                .filter(e -> e instanceof RunStarted)
                .map(RunEvent::runId)
                .toList();
    }

    private List<RunEvent> runEventsOf() {
        return TopicReader.readToEnd(bootstrap, List.of(topics.runEventsTopic()), new ContractDeserializer.RunEvents())
                .stream()
                .map(r -> r.value())
                .toList();
    }

    private Document lockDocument() {
        return mongo.getCollection(MongoCollections.FETCHER_LOCKS)
                .find(new Document("_id", CrawlLock.NAME))
                .first();
    }
}
