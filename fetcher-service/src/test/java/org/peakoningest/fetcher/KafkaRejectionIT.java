package org.peakoningest.fetcher;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.kafka.ContractDeserializer;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.config.StartupChecks;
import org.peakoningest.fetcher.run.IngestionRun;
import org.peakoningest.fetcher.run.RunReport;
import org.peakoningest.testsupport.PeakonIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ArrayNode;

/**
 * Kafka refuses a record (here: larger than the producer's {@code max.request.size}): the collection fails, the
 * cursor stays where it was, and {@code published} counts exactly the records that did land.
 */
@SpringBootTest(properties = {
        "peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN,
        "peakon.fetcher.per-page=3",
        "peakon.fetcher.topic-prefix=" + KafkaRejectionIT.PREFIX,
        "spring.kafka.producer.properties.max.request.size=20000"})
@PeakonIntegrationTest
class KafkaRejectionIT {

    static final String PREFIX = "it-reject.";
    @RegisterExtension
    static final WireMockExtension peakon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();


    @DynamicPropertySource
    static void peakonUrl(DynamicPropertyRegistry registry) {
        registry.add("peakon.fetcher.base-url", () -> peakon.baseUrl() + PeakonStub.API);
    }


    @Autowired IngestionRun ingestion;
    @Autowired StartupChecks checks;
    @Autowired MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrap;

    @Test
    void theCursorDoesNotMoveWhenKafkaRejectsASend() {
        checks.verify();
        new PeakonStub(peakon).standard();
        ArrayNode firstPage = ContractJson.mapper().createArrayNode();
        firstPage.add(PeakonStub.answer(101, "short"));
        firstPage.add(PeakonStub.answer(102, "x".repeat(60_000)));
        firstPage.add(PeakonStub.answer(103, "short"));
        peakon.stubFor(PeakonStub.answersPage(absent()).atPriority(1).willReturn(PeakonStub.json(PeakonStub.page(
                firstPage.toString(), "\"links\":{\"next\":\"/answers/export?per_page=3&continuation=c1\"}", false))));
        mongo.getCollection(MongoCollections.SYNC_STATE).insertOne(
                new Document("_id", "answers_export").append("last_answer_id", 50));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        CollectionStats answers = report.collections().get("answers_export");
        assertThat(answers.status()).isEqualTo(CollectionStatus.FAILED);
        assertThat(answers.error()).contains("RecordTooLargeException");
        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
        Document cursor = mongo.getCollection(MongoCollections.SYNC_STATE)
                .find(new Document("_id", "answers_export")).first();
        assertThat(cursor.get("last_answer_id", Number.class).longValue()).as("cursor").isEqualTo(50);
        peakon.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(PeakonStub.API + "/answers/export"))
                .withQueryParam("continuation", equalTo("c1")));

        List<ConsumerRecord<String, RecordEnvelope>> landed = TopicReader.readToEnd(bootstrap,
                List.of(new TopicNames(PREFIX).dataTopic(PeakonCollection.ANSWERS_EXPORT)),
                new ContractDeserializer.Envelopes()).stream()
                .filter(r -> r.value().runId().equals(report.runId())).toList();
        assertThat(landed).extracting(r -> r.value().key().jsonValue()).containsExactlyInAnyOrder(101L, 103L);
        assertThat(answers.published()).as("published counts acknowledgements").isEqualTo(2);
        assertThat(report.collections().get("employees").status()).isEqualTo(CollectionStatus.SUCCESS);
    }
}
