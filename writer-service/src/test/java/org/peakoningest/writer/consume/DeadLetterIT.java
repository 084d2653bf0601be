package org.peakoningest.writer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.writer.WriterFixture;
import org.peakoningest.writer.WriterIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * One malformed record in a batch of 500: it is on the dead-letter topic with the reason and its original
 * coordinates, the other 499 are in Mongo. Also: envelopes that deserialise but cannot be documents.
 */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-dlt.",
    "peakon.writer.group-id=it-dlt",
    "peakon.writer.auto-startup=false",
    "peakon.writer.concurrency=1"
})
class DeadLetterIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-dlt.");

    @Autowired
    MongoDatabase mongo;

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Test
    void malformedRecordGoesToTheDeadLetterTopicAndTheRestOfTheBatchLands() {
        String topic = fixture.topics.dataTopic(PeakonCollection.ANSWERS_EXPORT);
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        List<RecordEnvelope> first = new ArrayList<>();
        for (long id = 1; id <= 250; id++) {
            first.add(WriterFixture.answer("run-dlt", id, at, "c" + id));
        }
        fixture.send(first);
        fixture.sendRaw(topic, "250.5", "{\"schema_version\":1,\"run_id\":".getBytes(StandardCharsets.UTF_8));
        List<RecordEnvelope> second = new ArrayList<>();
        for (long id = 251; id <= 499; id++) {
            second.add(WriterFixture.answer("run-dlt", id, at, "c" + id));
        }
        fixture.send(second);
        // All 500 are on the topic before the writer starts, so they arrive in one poll.
        registry.getListenerContainer(WriterListener.ID).start();

        await().atMost(WriterFixture.patience())
                .untilAsserted(
                        () -> assertThat(mongo.getCollection("answers_export").countDocuments())
                                .isEqualTo(499));
        List<ConsumerRecord<String, byte[]>> dead = fixture.deadLetters(topic, 1);
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> record = dead.get(0);
        assertThat(record.key()).isEqualTo("250.5");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"schema_version\":1,\"run_id\":");
        assertThat(WriterFixture.header(record, "kafka_dlt-original-topic")).isEqualTo(topic);
        assertThat(WriterFixture.header(record, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertThat(WriterFixture.header(record, "kafka_dlt-exception-stacktrace"))
                .contains("not a valid RecordEnvelope");
        assertThat(record.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(record.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp("it-dlt"));
    }

    @Test
    void envelopesThatCannotBeDocumentsAreDeadLetteredWithTheirDefect() {
        String topic = fixture.topics.dataTopic(PeakonCollection.EMPLOYEES);
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        RecordEnvelope noItem =
                new RecordEnvelope(1, "run-dlt", "employees", "/employees", "u", at, DocumentKey.of(7), null, null);
        RecordEnvelope wrongTopic = WriterFixture.envelope(
                "run-dlt", PeakonCollection.DRIVERS, DocumentKey.of("x"), at, null, WriterFixture.answerItem(1, "c"));
        RecordEnvelope good = WriterFixture.envelope(
                "run-dlt", PeakonCollection.EMPLOYEES, DocumentKey.of(8), at, null, WriterFixture.answerItem(8, "c"));
        fixture.sendTo(topic, RecordKeys.of(noItem.key()), noItem);
        fixture.sendTo(topic, RecordKeys.of(wrongTopic.key()), wrongTopic);
        fixture.sendTo(topic, "\"not-the-key\"", good);
        fixture.send(good);
        registry.getListenerContainer(WriterListener.ID).start();

        List<ConsumerRecord<String, byte[]>> dead = fixture.deadLetters(topic, 3);
        assertThat(dead)
                .extracting(r -> WriterFixture.header(r, "kafka_dlt-exception-message"))
                .containsExactlyInAnyOrder(
                        "envelope has no item object",
                        "envelope of collection 'drivers' on topic it-dlt.employees",
                        "record key does not match the envelope key 8");
        assertThat(dead)
                .allSatisfy(r -> assertThat(WriterFixture.header(r, "kafka_dlt-exception-fqcn"))
                        .isEqualTo(InvalidRecordException.class.getName()));
        await().atMost(WriterFixture.patience())
                .untilAsserted(() -> assertThat(mongo.getCollection("employees").countDocuments())
                        .isEqualTo(1));
    }
}
