package org.peakoningest.fetcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.runs.CollectionFinished;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStarted;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.run.RunReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.test.context.TestPropertySource;

/** Whole runs against a simulated Peakon (WireMock), the real broker and the Mongo endpoint. */
@TestPropertySource(
        properties = {
            "peakon.fetcher.backoff-initial=10ms",
            "peakon.fetcher.backoff-max=50ms",
            "peakon.fetcher.topic-prefix=it-crawl.",
            "peakon.fetcher.topic-partitions=3"
        })
class CrawlIT extends CrawlFixture {

    @Autowired
    FetcherProperties props;

    @Autowired
    @Qualifier("lastRun")
    HealthIndicator lastRun;

    @Autowired
    MeterRegistry meters;

    @Test
    void aFullCrawlPublishesExactlyOneEnvelopePerItemAndMatchingRunEvents() {
        RunReport report = ingestion.execute(SyncMode.FULL, false);

        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
        Map<PeakonCollection, List<RecordEnvelope>> landed = envelopesOf(report.runId());
        assertThat(keys(landed, PeakonCollection.ANSWERS_EXPORT))
                .containsExactlyInAnyOrder(101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L, 109L);
        assertThat(keys(landed, PeakonCollection.EMPLOYEES)).containsExactlyInAnyOrder(7001L, 7002L, 7003L);
        assertThat(keys(landed, PeakonCollection.DRIVERS))
                .containsExactlyInAnyOrder("engagement", "autonomy", "free_opinions");
        assertThat(keys(landed, PeakonCollection.SCORES_CONTEXTS))
                .containsExactlyInAnyOrder("engagement::segment_1::1700000000", "engagement::segment_2::1700000000");
        assertThat(keys(landed, PeakonCollection.SCORES_BY_DRIVER))
                .containsExactlyInAnyOrder(
                        "engagement::segment_1::1700000000",
                        "engagement::segment_2::1700000000",
                        "autonomy::segment_9::1700000000");
        assertThat(landed.get(PeakonCollection.DRIVERS_CATALOG)).hasSize(PeakonStub.CATALOG);
        assertThat(keys(landed, PeakonCollection.SEGMENTS))
                .containsExactlyInAnyOrder("17", "18", "19", "20", "21", "22");
        // Department (17) and Sub-Department (18, 21) only: not Location (19), not the manager segment (20), not 22
        // whose attribute the response did not include.
        assertThat(keys(landed, PeakonCollection.SEGMENT_SCORES))
                .containsExactlyInAnyOrder(
                        "engagement::segment_17::engagement::1690000000",
                        "engagement::segment_17::engagement::1700000000",
                        "engagement::segment_18::engagement::1690000000",
                        "engagement::segment_18::engagement::1700000000",
                        "engagement::segment_21::engagement::1690000000",
                        "engagement::segment_21::engagement::1700000000");
        RecordEnvelope segmentScore =
                landed.get(PeakonCollection.SEGMENT_SCORES).get(0);
        assertThat(segmentScore.endpoint()).matches("/scores/contexts/segment_(17|18|21)/group/engagement");
        assertThat(segmentScore.item().at("/attributes/participation/responded").asInt())
                .isEqualTo(8);

        // metadata of a record on the last (relative-next) answers page
        RecordEnvelope answer = landed.get(PeakonCollection.ANSWERS_EXPORT).stream()
                .filter(e -> e.key().equals(DocumentKey.of(109)))
                .findFirst()
                .orElseThrow();
        assertThat(answer.endpoint()).isEqualTo("/answers/export");
        assertThat(answer.sourceUrl()).isEqualTo(stub.baseUrl() + "/answers/export?per_page=3&continuation=c3");
        assertThat(answer.item().at("/attributes/answerComment").asString()).isEqualTo("comment 109");
        assertThat(answer.fetchedAt()).isBetween(report.startedAt(), report.finishedAt());
        assertThat(answer.driverId()).isNull();
        RecordEnvelope byDriver = landed.get(PeakonCollection.SCORES_BY_DRIVER).stream()
                .filter(e -> e.key().equals(DocumentKey.of("autonomy::segment_9::1700000000")))
                .findFirst()
                .orElseThrow();
        assertThat(byDriver.driverId()).isEqualTo("autonomy");
        assertThat(byDriver.endpoint()).isEqualTo("/scores/contexts/company_22182/group/autonomy");
        RecordEnvelope catalog = landed.get(PeakonCollection.DRIVERS_CATALOG).stream()
                .filter(e -> e.key().equals(DocumentKey.of(1527161)))
                .findFirst()
                .orElseThrow();
        assertThat(catalog.item().path("driver").asString()).isEqualTo("Recognition");
        assertThat(catalog.item().path("subdriver").asString()).isEqualTo("Performance");
        assertThat(catalog.endpoint()).isEqualTo("static:drivers_catalog.csv");

        // run events: started, one finished per collection with the counts that landed, then the self-contained end
        List<RunEvent> events = runEventsOf(report.runId());
        assertThat(events.get(0)).isInstanceOf(RunStarted.class);
        assertThat(events).filteredOn(CollectionFinished.class::isInstance).hasSize(8);
        RunFinished finished = (RunFinished) events.get(events.size() - 1);
        assertThat(finished.status()).isEqualTo(RunStatus.SUCCESS);
        for (PeakonCollection c : PeakonCollection.values()) {
            CollectionStats stats = finished.collections().get(c.collectionName());
            assertThat(stats.published())
                    .as(c.collectionName())
                    .isEqualTo(landed.get(c).size());
            assertThat(stats.distinctKeys())
                    .as("every item has its own key in " + c.collectionName())
                    .isEqualTo(stats.published());
            CollectionFinished perCollection = events.stream()
                    .filter(CollectionFinished.class::isInstance)
                    .map(CollectionFinished.class::cast)
                    .filter(f -> f.collection().equals(c.collectionName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(perCollection.stats()).isEqualTo(stats);
        }
        assertThat(finished.collections().get("answers_export").pages()).isEqualTo(4);
        assertThat(finished.collections().get("segments").pages()).isEqualTo(2);
        assertThat(finished.collections().get("segment_scores").skipped())
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.context()).isEqualTo("segment_22");
                    assertThat(s.status()).isZero();
                    assertThat(s.reason()).contains("attribute 8", "PEAKON_SEGMENT_ATTRIBUTES");
                });
        assertThat(finished.collections().get("employees").pages()).isEqualTo(2);
        assertThat(finished.collections().get("scores_by_driver").skipped())
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.context()).isEqualTo("free_opinions");
                    assertThat(s.status()).isEqualTo(422);
                    assertThat(s.reason()).contains("Invalid group");
                });

        // cursors: max seen, and the token cached for the next run
        assertThat(syncState("answers_export")
                        .get("last_answer_id", Number.class)
                        .longValue())
                .isEqualTo(109);
        assertThat(syncState("employees").get("last_employee_id", Number.class).longValue())
                .isEqualTo(7003);
        Document token = mongo.getCollection(MongoCollections.AUTH_TOKENS)
                .find(new Document("_id", stub.baseUrl() + "::application"))
                .first();
        assertThat(token.getString("bearer_token")).isEqualTo(PeakonStub.BEARER);
        assertThat(token.get("obtained_at")).isNotNull();
        assertThat(lastRun.health().getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.UP);
        assertThat(meters.get("peakon.fetcher.items")
                        .tag("collection", "answers_export")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(PeakonStub.ANSWERS);
        assertThat(meters.get("peakon.fetcher.rate.budget.remaining").gauge().value())
                .isLessThan(5000);
        peakon.verify(1, postRequestedFor(urlPathEqualTo(PeakonStub.API + "/auth/application")));
        peakon.verify(getRequestedFor(urlPathEqualTo(PeakonStub.API + "/answers/export"))
                .withHeader("Authorization", equalTo("Bearer " + PeakonStub.BEARER)));
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCallRetriedOnce() {
        mongo.getCollection(MongoCollections.AUTH_TOKENS)
                .insertOne(new Document("_id", stub.baseUrl() + "::application").append("bearer_token", "stale-token"));
        peakon.stubFor(PeakonStub.answersPage(absent())
                .withHeader("Authorization", equalTo("Bearer stale-token"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(401).withBody("{\"errors\":[]}")));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
        peakon.verify(1, postRequestedFor(urlPathEqualTo(PeakonStub.API + "/auth/application")));
        peakon.verify(1, PeakonStub.answersPageRequested().withHeader("Authorization", equalTo("Bearer stale-token")));
        peakon.verify(
                1,
                PeakonStub.answersPageRequested().withHeader("Authorization", equalTo("Bearer " + PeakonStub.BEARER)));
        assertThat(report.collections().get("answers_export").published()).isEqualTo(PeakonStub.ANSWERS);
    }

    @Test
    void anIncrementalRunContinuesAnswersFromTheirCursorAndAFullSyncDoesNot() {
        mongo.getCollection(MongoCollections.SYNC_STATE)
                .insertOne(new Document("_id", "answers_export").append("last_answer_id", 500));
        mongo.getCollection(MongoCollections.SYNC_STATE)
                .insertOne(new Document("_id", "employees").append("last_employee_id", 7001));
        peakon.stubFor(PeakonStub.answersPage(equalTo("500"))
                .willReturn(PeakonStub.json(
                        PeakonStub.page(PeakonStub.answerItems(501, 502), "\"links\":{\"next\":null}", false))));

        RunReport incremental = ingestion.execute(SyncMode.INCREMENTAL, false);

        assertThat(incremental.collections().get("answers_export").published()).isEqualTo(2);
        peakon.verify(
                1,
                getRequestedFor(urlPathEqualTo(PeakonStub.API + "/answers/export"))
                        .withQueryParam("continuation", equalTo("500")));
        // employees are crawled in full on every run (issue #14): the cursor is recorded, never sent
        peakon.verify(
                0,
                getRequestedFor(urlPathEqualTo(PeakonStub.API + "/employees"))
                        .withQueryParam("continuation", matching(".*")));
        assertThat(incremental.collections().get("employees").published()).isEqualTo(PeakonStub.EMPLOYEES);
        assertThat(syncState("employees").get("last_employee_id", Number.class).longValue())
                .isEqualTo(7003);
        assertThat(syncState("answers_export")
                        .get("last_answer_id", Number.class)
                        .longValue())
                .isEqualTo(502);

        peakon.resetRequests();
        RunReport full = ingestion.execute(SyncMode.FULL, false);

        assertThat(full.collections().get("answers_export").published()).isEqualTo(PeakonStub.ANSWERS);
        peakon.verify(1, PeakonStub.answersPageRequested());
        peakon.verify(
                0,
                getRequestedFor(urlPathEqualTo(PeakonStub.API + "/employees"))
                        .withQueryParam("continuation", equalTo("7001")));
        // a full sync that saw less than before never moves a cursor back
        assertThat(syncState("answers_export")
                        .get("last_answer_id", Number.class)
                        .longValue())
                .isEqualTo(502);
    }

    @Test
    void aCursorPeakonRefusesFallsBackToAFullCrawlOfThatCollection() {
        mongo.getCollection(MongoCollections.SYNC_STATE)
                .insertOne(new Document("_id", "answers_export").append("last_answer_id", 500));
        peakon.stubFor(PeakonStub.answersPage(equalTo("500"))
                .willReturn(
                        aResponse().withStatus(400).withBody("{\"errors\":[{\"detail\":\"invalid continuation\"}]}")));

        RunReport report = ingestion.execute(SyncMode.INCREMENTAL, false);

        assertThat(report.collections().get("answers_export").status()).isEqualTo(CollectionStatus.SUCCESS);
        assertThat(report.collections().get("answers_export").published()).isEqualTo(PeakonStub.ANSWERS);
        peakon.verify(1, PeakonStub.answersPageRequested());
        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void aDryRunCountsButPublishesAndPersistsNothing() {
        RunReport report = ingestion.execute(SyncMode.FULL, true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.collections().get("answers_export").published()).isEqualTo(PeakonStub.ANSWERS);
        assertThat(report.collections().get("drivers_catalog").published()).isEqualTo(PeakonStub.CATALOG);
        assertThat(report.collections().get("scores_by_driver").published()).isEqualTo(PeakonStub.SCORES_BY_DRIVER);
        assertThat(envelopesOf(report.runId()).values())
                .allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(runEventsOf(report.runId())).isEmpty();
        assertThat(mongo.getCollection(MongoCollections.SYNC_STATE).countDocuments())
                .isZero();
        assertThat(mongo.getCollection(MongoCollections.AUTH_TOKENS).countDocuments())
                .isZero();
    }

    @Test
    void anUnknownAppTokenFailsTheRunButStillSaysSo() {
        peakon.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathEqualTo(PeakonStub.API + "/auth/application"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("{\"errors\":[{\"detail\":\"not found\"}]}")));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.lastError()).isEqualTo("authentication failed: app token unknown (404)");
        assertThat(report.collections().get("answers_export").error())
                .isEqualTo("not crawled: authentication failed: app token unknown (404)");
        peakon.verify(0, getRequestedFor(urlPathEqualTo(PeakonStub.API + "/answers/export")));
        RunFinished finished = (RunFinished) runEventsOf(report.runId()).get(9);
        assertThat(finished.status()).isEqualTo(RunStatus.FAILED);
        assertThat(finished.collections().get("drivers_catalog").published()).isEqualTo(PeakonStub.CATALOG);
        assertThat(lastRun.health().getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
        assertThat(lastRun.health().getDetails()).containsEntry("lastStatus", "failed");
    }

    @Test
    void aRejectedCachedTokenAndAnUnknownAppTokenFailTheRunOnAuthentication() {
        mongo.getCollection(MongoCollections.AUTH_TOKENS)
                .insertOne(new Document("_id", stub.baseUrl() + "::application").append("bearer_token", "stale-token"));
        peakon.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(PeakonStub.API + "/.*"))
                .withHeader("Authorization", equalTo("Bearer stale-token"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(401).withBody("{\"errors\":[]}")));
        peakon.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathEqualTo(PeakonStub.API + "/auth/application"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("{\"errors\":[{\"detail\":\"not found\"}]}")));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        String unknown = "authentication failed: app token unknown (404)";
        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.lastError()).isEqualTo(unknown);
        // The first call with the cached token is the employee count, before any collection: none was crawled.
        peakon.verify(1, getRequestedFor(urlPathEqualTo(PeakonStub.EMPLOYEES_COUNT)));
        assertThat(report.collections().get("answers_export").error()).isEqualTo("not crawled: " + unknown);
        assertThat(report.collections().get("employees").error()).isEqualTo("not crawled: " + unknown);
        assertThat(report.collections().get("scores_by_driver").error()).isEqualTo("not crawled: " + unknown);
        RunFinished finished = (RunFinished) runEventsOf(report.runId()).get(9);
        assertThat(finished.status()).isEqualTo(RunStatus.FAILED);
        assertThat(finished.lastError()).isEqualTo(unknown);
        // The app token is not asked about again for every collection: Peakon's answer will not change in this run.
        peakon.verify(1, postRequestedFor(urlPathEqualTo(PeakonStub.API + "/auth/application")));
        peakon.verify(0, getRequestedFor(urlPathEqualTo(PeakonStub.API + "/answers/export")));
        peakon.verify(0, getRequestedFor(urlPathEqualTo(PeakonStub.API + "/employees")));
    }

    @Test
    void aPaginationLoopFailsThatCollectionOnly() {
        peakon.stubFor(PeakonStub.answersPage(equalTo("c2"))
                .atPriority(1)
                .willReturn(PeakonStub.json(PeakonStub.page(
                        PeakonStub.answerItems(107, 108),
                        "\"links\":{\"next\":\"/answers/export?per_page=3&continuation=c1\"}",
                        false))));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        CollectionStats answers = report.collections().get("answers_export");
        assertThat(answers.status()).isEqualTo(CollectionStatus.FAILED);
        assertThat(answers.error()).contains("pagination loop");
        assertThat(answers.published()).isEqualTo(8);
        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(envelopesOf(report.runId()).get(PeakonCollection.ANSWERS_EXPORT))
                .hasSize(8);
    }

    @Test
    void aPersistentServerErrorOnADriverFailsScoresByDriverAfterBoundedAttempts() {
        peakon.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(PeakonStub.scoresPath("autonomy")))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(500).withBody("<html>Internal Server Error</html>")));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        CollectionStats scores = report.collections().get("scores_by_driver");
        assertThat(scores.status()).isEqualTo(CollectionStatus.FAILED);
        assertThat(scores.error()).contains("HTTP 500", "Internal Server Error");
        assertThat(scores.published()).as("engagement's scores landed before").isEqualTo(2);
        peakon.verify(props.maxAttempts(), getRequestedFor(urlPathEqualTo(PeakonStub.scoresPath("autonomy"))));
        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
    }

    @Test
    void everyScoreRequestAsksForTheWholeHistoryWithParticipationAndNothingElseDoes() {
        RunReport report = ingestion.execute(SyncMode.FULL, false);

        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
        List<LoggedRequest> requests = peakon.findAll(getRequestedFor(urlPathMatching(PeakonStub.API + "/.*")));
        Map<String, List<String>> scoreQueries = new TreeMap<>();
        for (LoggedRequest request : requests) {
            String path = request.getUrl().replaceFirst("\\?.*", "");
            boolean score = path.contains("/scores/contexts/") || path.endsWith("/engagement/drivers");
            Map<String, String> params = new TreeMap<>();
            request.getQueryParams().forEach((name, value) -> params.put(name, String.join(",", value.values())));
            if (score) {
                assertThat(params)
                        .as(path)
                        .containsExactlyInAnyOrderEntriesOf(
                                Map.of("interval", "all", "participation", "true", "observations", "false"));
                scoreQueries.computeIfAbsent(path, p -> new ArrayList<>()).add(request.getUrl());
            } else {
                assertThat(params).as(path).doesNotContainKeys("interval", "participation", "observations");
            }
        }
        assertThat(scoreQueries.keySet())
                .containsExactlyInAnyOrder(
                        PeakonStub.API + "/engagement/drivers",
                        PeakonStub.scoresPath("engagement"),
                        PeakonStub.scoresPath("autonomy"),
                        PeakonStub.scoresPath("free_opinions"),
                        PeakonStub.segmentScoresPath(17),
                        PeakonStub.segmentScoresPath(18),
                        PeakonStub.segmentScoresPath(21));
    }

    @Test
    void aSegmentAnswered422IsRecordedAndTheOtherSegmentsStillLand() {
        peakon.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(PeakonStub.segmentScoresPath(18)))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(422)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"errors\":[{\"status\":422,\"detail\":\"Segment too small\"}]}")));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        CollectionStats scores = report.collections().get("segment_scores");
        assertThat(scores.status()).isEqualTo(CollectionStatus.SUCCESS);
        assertThat(scores.skipped()).anySatisfy(s -> {
            assertThat(s.context()).isEqualTo("segment_18");
            assertThat(s.status()).isEqualTo(422);
            assertThat(s.reason()).contains("Segment too small");
        });
        assertThat(keys(envelopesOf(report.runId()), PeakonCollection.SEGMENT_SCORES))
                .containsExactlyInAnyOrder(
                        "engagement::segment_17::engagement::1690000000",
                        "engagement::segment_17::engagement::1700000000",
                        "engagement::segment_21::engagement::1690000000",
                        "engagement::segment_21::engagement::1700000000");
        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void failedSegmentsLeaveSegmentScoresNotCrawled() {
        peakon.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(PeakonStub.API + "/segments"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(403).withBody("{\"errors\":[{\"detail\":\"forbidden\"}]}")));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        assertThat(report.collections().get("segments").status()).isEqualTo(CollectionStatus.FAILED);
        assertThat(report.collections().get("segment_scores").error())
                .isEqualTo("not crawled: the segments collection failed, so the segment ids are unknown");
        assertThat(report.lastError()).as("the cause, not its echo").contains("403");
        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
        peakon.verify(0, getRequestedFor(urlPathMatching(PeakonStub.API + "/scores/contexts/segment_.*")));
    }

    private static List<Object> keys(Map<PeakonCollection, List<RecordEnvelope>> landed, PeakonCollection c) {
        return landed.get(c).stream().map(e -> e.key().jsonValue()).toList();
    }
}
