package org.peakoningest.fetcher;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.run.RunReport;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ArrayNode;

/**
 * Kafka refuses a record (here: larger than the producer's {@code max.request.size}): the collection fails, the
 * cursor stays where it was, and {@code published} counts exactly the records that did land.
 */
@TestPropertySource(
        properties = {
            "peakon.fetcher.topic-prefix=it-reject.",
            "spring.kafka.producer.properties.max.request.size=20000"
        })
class KafkaRejectionIT extends CrawlFixture {

    @Test
    void theCursorDoesNotMoveWhenKafkaRejectsASend() {
        ArrayNode firstPage = ContractJson.mapper().createArrayNode();
        firstPage.add(PeakonStub.answer(101, "short"));
        firstPage.add(PeakonStub.answer(102, "x".repeat(60_000)));
        firstPage.add(PeakonStub.answer(103, "short"));
        peakon.stubFor(PeakonStub.answersPage(absent())
                .atPriority(1)
                .willReturn(PeakonStub.json(PeakonStub.page(
                        firstPage.toString(),
                        "\"links\":{\"next\":\"/answers/export?per_page=3&continuation=c1\"}",
                        false))));
        mongo.getCollection(MongoCollections.SYNC_STATE)
                .insertOne(new Document("_id", "answers_export").append("last_answer_id", 50));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        CollectionStats answers = report.collections().get("answers_export");
        assertThat(answers.status()).isEqualTo(CollectionStatus.FAILED);
        assertThat(answers.error()).contains("RecordTooLargeException");
        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(syncState("answers_export")
                        .get("last_answer_id", Number.class)
                        .longValue())
                .as("cursor")
                .isEqualTo(50);
        peakon.verify(
                0,
                getRequestedFor(urlPathEqualTo(PeakonStub.API + "/answers/export"))
                        .withQueryParam("continuation", equalTo("c1")));

        assertThat(envelopesOf(report.runId()).get(PeakonCollection.ANSWERS_EXPORT))
                .extracting(envelope -> envelope.key().jsonValue())
                .containsExactlyInAnyOrder(101L, 103L);
        assertThat(answers.published()).as("published counts acknowledgements").isEqualTo(2);
        assertThat(report.collections().get("employees").status()).isEqualTo(CollectionStatus.SUCCESS);
    }
}
