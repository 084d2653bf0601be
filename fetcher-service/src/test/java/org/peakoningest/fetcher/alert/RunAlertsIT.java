package org.peakoningest.fetcher.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.RunFields;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.CrawlFixture;
import org.peakoningest.fetcher.PeakonStub;
import org.peakoningest.fetcher.abandon.Abandonment;
import org.peakoningest.fetcher.run.RunReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The fetcher's alerts on a real broker and Mongo endpoint, posted to a WireMock webhook: once per failed run, once
 * per abandoned run however many fetchers end it, never for a successful run, and never holding up a run.
 */
@TestPropertySource(properties = {"peakon.fetcher.topic-prefix=it-alerts.", "peakon.fetcher.full-sync=true"})
class RunAlertsIT extends CrawlFixture {

    private static final WireMockServer webhook = new WireMockServer(options().dynamicPort());

    static {
        webhook.start();
    }

    @Autowired
    Abandonment abandonment;

    @Autowired
    RunAlerts alerts;

    @DynamicPropertySource
    static void webhookUrl(DynamicPropertyRegistry registry) {
        registry.add("peakon.fetcher.alert-webhook-url", () -> webhook.baseUrl() + "/hook");
    }

    @AfterAll
    static void stopWebhook() {
        webhook.stop();
    }

    @BeforeEach
    void freshWebhookAndNoRuns() {
        webhook.resetAll();
        webhook.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
        mongo.getCollection(MongoCollections.INGESTION_RUNS).deleteMany(new Document());
    }

    @Test
    void aFailedRunIsAlertedOnceWithItsRunIdAndReason() throws Exception {
        peakon.stubFor(post(urlPathEqualTo(PeakonStub.API + "/auth/application"))
                .willReturn(aResponse().withStatus(404)));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsOf(report.runId()) > 0);
        Thread.sleep(1_000); // a second alert, if any, would be on its way
        webhook.verify(
                1,
                postRequestedFor(urlEqualTo("/hook"))
                        .withRequestBody(matchingJsonPath("$.event", equalTo("run_failed")))
                        .withRequestBody(matchingJsonPath("$.run_id", equalTo(report.runId())))
                        .withRequestBody(matchingJsonPath("$.text"))
                        .withRequestBody(matchingJsonPath("$.reason")));
        assertThat(alertsOf(report.runId())).isOne();
    }

    @Test
    void aSuccessfulRunIsNotAlerted() throws Exception {
        RunReport report = ingestion.execute(SyncMode.FULL, false);

        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
        Thread.sleep(1_000); // the sender is asynchronous: give a wrong alert the time to arrive
        assertThat(alertsOf(report.runId())).isZero();
    }

    @Test
    void aWebhookThatFailsIsRetriedWithoutHoldingUpTheRun() {
        webhook.resetAll();
        webhook.stubFor(post("/hook").willReturn(aResponse().withStatus(500).withFixedDelay(2_000)));
        peakon.stubFor(post(urlPathEqualTo(PeakonStub.API + "/auth/application"))
                .willReturn(aResponse().withStatus(404)));

        long start = System.nanoTime();
        RunReport report = ingestion.execute(SyncMode.FULL, false);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(took)
                .as("the run does not wait for the webhook's 2 s answers")
                .isLessThan(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(15))
                .alias("the alert is retried after the webhook's 500")
                .until(() -> alertsOf(report.runId()) >= 2);
    }

    @Test
    void aDeadFetchersRunEndedByTwoFetchersAtOnceIsAlertedOnce() throws Exception {
        String runId = "dead-" + System.nanoTime();
        Instant startedAt = Instant.now().minus(Duration.ofMinutes(10));
        // ingestion_runs as the writer projected the dead run's RunStarted (the writer is not in this module).
        mongo.getCollection(MongoCollections.INGESTION_RUNS)
                .insertOne(new Document("_id", runId)
                        .append(RunFields.STARTED_AT, Timestamps.format(startedAt))
                        .append(RunFields.SYNC_MODE, "full")
                        .append(RunFields.STATUS, RunFields.RUNNING));

        // Two fetchers end it at the same moment (here: two threads of one; the claim is in MongoDB either way).
        CompletableFuture.allOf(
                        CompletableFuture.runAsync(abandonment::underTheLock),
                        CompletableFuture.runAsync(abandonment::underTheLock))
                .join();
        // A third fetcher that did not see the RunFinished on the topic yet publishes it again, and is silent.
        alerts.abandoned(runId, startedAt, 0);

        assertThat(runEventsOf(runId))
                .filteredOn(e -> e instanceof RunFinished)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(((RunFinished) e).status()).isEqualTo(RunStatus.ABANDONED));
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsOf(runId) > 0);
        Thread.sleep(1_000); // a second alert, if any, would be on its way
        webhook.verify(
                1,
                postRequestedFor(urlEqualTo("/hook"))
                        .withRequestBody(matchingJsonPath("$.event", equalTo("run_abandoned")))
                        .withRequestBody(matchingJsonPath("$.run_id", equalTo(runId))));
        assertThat(alertsOf(runId)).isOne();
        assertThat(mongo.getCollection(MongoCollections.FETCHER_LOCKS)
                        .countDocuments(new Document("_id", RunAlerts.CLAIM_PREFIX + runId)))
                .isOne();
    }

    /**
     * The alerts the webhook received about one run (a retried alert of an earlier test may still arrive: counting
     * by run id keeps the tests apart).
     */
    private static int alertsOf(String runId) {
        return webhook.findAll(postRequestedFor(urlEqualTo("/hook"))
                        .withRequestBody(matchingJsonPath("$.run_id", equalTo(runId))))
                .size();
    }
}
