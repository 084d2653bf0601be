package org.peakoningest.writer.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.runs.RunFields;
import org.peakoningest.writer.WriterFixture;
import org.peakoningest.writer.WriterIntegrationTest;
import org.peakoningest.writer.config.WriterProperties;
import org.peakoningest.writer.consume.WriterListener;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writer's alerts on the shared broker and Mongo endpoint, posted to a WireMock webhook: one per batch that
 * dead-lettered records (without the records' values), one per run whose landing missed its deadline however many
 * writers check, and the {@code run_id} of the batch on the listener's log lines.
 */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-alerts.",
    "peakon.writer.group-id=it-alerts",
    "peakon.writer.concurrency=1",
    "peakon.writer.alert-landing-deadline=60"
})
class WriterAlertsIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-alerts.");

    private static final WireMockServer webhook = new WireMockServer(options().dynamicPort());

    static {
        webhook.start();
    }

    @Autowired
    MongoDatabase mongo;

    @Autowired
    LandingDeadline deadline;

    @Autowired
    WriterAlerts alerts;

    @Autowired
    WriterProperties properties;

    @DynamicPropertySource
    static void webhookUrl(DynamicPropertyRegistry registry) {
        registry.add("peakon.writer.alert-webhook-url", () -> webhook.baseUrl() + "/hook");
    }

    @AfterAll
    static void stopWebhook() {
        webhook.stop();
    }

    @BeforeEach
    void freshWebhook() {
        webhook.resetAll();
        webhook.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
    }

    @Test
    void aBatchThatDeadLettersRecordsIsAlertedOnceWithoutTheirValuesAndItsLinesCarryTheRunId() throws Exception {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger listenerLog = (Logger) LoggerFactory.getLogger(WriterListener.class);
        listenerLog.addAppender(lines);
        try {
            String topic = fixture.topics.dataTopic(PeakonCollection.EMPLOYEES);
            Instant at = Instant.now().minusSeconds(60);
            RecordEnvelope good = WriterFixture.envelope(
                    "run-alert",
                    PeakonCollection.EMPLOYEES,
                    DocumentKey.of(7001),
                    at,
                    null,
                    WriterFixture.answerItem(7001, "c"));
            // Under another record key than its document's: the writer dead-letters it, naming the key (an
            // employee id) in the dead letter's headers only.
            fixture.sendTo(topic, "\"not-the-key\"", good);

            await().atMost(WriterFixture.patience())
                    .until(() -> !webhook.findAll(postRequestedFor(urlEqualTo("/hook")))
                            .isEmpty());
            Thread.sleep(1_000); // a second alert, if any, would be on its way
            List<LoggedRequest> sent = webhook.findAll(postRequestedFor(urlEqualTo("/hook")));
            assertThat(sent).hasSize(1);
            webhook.verify(postRequestedFor(urlEqualTo("/hook"))
                    .withRequestBody(matchingJsonPath("$.event", equalTo("records_dead_lettered")))
                    .withRequestBody(matchingJsonPath("$.service", equalTo("writer")))
                    .withRequestBody(matchingJsonPath("$.run_id", equalTo("run-alert")))
                    .withRequestBody(matchingJsonPath("$.count", equalTo("1")))
                    .withRequestBody(matchingJsonPath("$.topics", equalTo(topic + ": 1")))
                    .withRequestBody(
                            matchingJsonPath("$.reason", equalTo("record key does not match the envelope key"))));
            assertThat(sent.get(0).getBodyAsString()).doesNotContain("7001");

            assertThat(lines.list)
                    .filteredOn(e -> e.getFormattedMessage().contains("cannot be written"))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("run_id", "run-alert"));
        } finally {
            listenerLog.detachAppender(lines);
        }
    }

    @Test
    void aRunWhoseLandingMissedItsDeadlineIsAlertedOnceByOneOfSeveralWriters() throws Exception {
        Instant now = Instant.now();
        // Documents as the writer's reconciler would keep them: 5 answers published, none landed, is pending.
        insertRun("late", "success", 5, now.minus(Duration.ofMinutes(90)), "pending");
        insertRun("no-landing-status-yet", "partial", 5, now.minus(Duration.ofMinutes(61)), null);
        insertRun("complete", "success", 0, now.minus(Duration.ofMinutes(90)), "complete");
        insertRun("nothing-to-land", "failed", 0, now.minus(Duration.ofMinutes(90)), "nothing");
        insertRun("within-deadline", "success", 5, now.minus(Duration.ofMinutes(30)), "pending");
        insertRun("last-month", "success", 5, now.minus(Duration.ofDays(30)), "pending");

        // Two writers check at the same moment, then one checks again (the writer's own scheduled check may run
        // meanwhile too: whoever claims a run first alerts it, the others find it claimed).
        LandingDeadline other = new LandingDeadline(mongo, alerts, properties);
        List<String> alerted = new ArrayList<>();
        try {
            alerted.addAll(deadline.check(now));
            alerted.addAll(other.check(now));
            alerted.addAll(deadline.check(now.plusSeconds(30)));
        } finally {
            other.stop();
        }
        assertThat(alerted).doesNotHaveDuplicates().isSubsetOf("late", "no-landing-status-yet");

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        webhook.findAll(postRequestedFor(urlEqualTo("/hook"))).size() >= 2);
        Thread.sleep(1_000); // a third alert, if any, would be on its way
        assertThat(webhook.findAll(postRequestedFor(urlEqualTo("/hook"))))
                .extracting(r ->
                        JsonMapper.shared().readTree(r.getBody()).path("run_id").asString())
                .containsExactlyInAnyOrder("late", "no-landing-status-yet");
        webhook.verify(postRequestedFor(urlEqualTo("/hook"))
                .withRequestBody(matchingJsonPath("$.event", equalTo("landing_late")))
                .withRequestBody(matchingJsonPath("$.run_id", equalTo("late")))
                .withRequestBody(matchingJsonPath("$.landing_status", equalTo("pending")))
                .withRequestBody(matchingJsonPath("$.deadline_minutes", equalTo("60"))));
        assertThat(mongo.getCollection(MongoCollections.INGESTION_RUNS)
                        .find(new Document("_id", "late"))
                        .first()
                        .get("alerted", Document.class))
                .containsKey("landing");
    }

    private void insertRun(String id, String status, long published, Instant finishedAt, String landingStatus) {
        Document run = new Document("_id", id)
                .append(RunFields.STARTED_AT, Timestamps.format(finishedAt.minusSeconds(600)))
                .append(RunFields.FINISHED_AT, Timestamps.format(finishedAt))
                .append(RunFields.STATUS, status)
                .append(
                        RunFields.COLLECTIONS,
                        new Document(
                                PeakonCollection.ANSWERS_EXPORT.collectionName(),
                                new Document(RunFields.STATUS, "success").append(RunFields.PUBLISHED, published)));
        if (landingStatus != null) {
            run.append(RunFields.LANDING_STATUS, landingStatus);
        }
        mongo.getCollection(MongoCollections.INGESTION_RUNS).insertOne(run);
    }
}
