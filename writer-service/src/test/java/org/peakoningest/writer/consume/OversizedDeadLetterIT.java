package org.peakoningest.writer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.writer.WriterFixture;
import org.peakoningest.writer.WriterIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A poison record larger than the dead-letter topic accepts (its source topic's {@code max.message.bytes} was raised)
 * reaches the DLT without its value, and the partition moves on: retrying the publication could never succeed and
 * would stop the partition forever (issue #12).
 */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-dlt-big.",
    "peakon.writer.group-id=it-dlt-big",
    "peakon.writer.auto-startup=false",
    "peakon.writer.concurrency=1"
})
class OversizedDeadLetterIT {

    private static final int TWO_MEGABYTES = 2 * 1024 * 1024;

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-dlt-big.");

    @Autowired
    MongoDatabase mongo;

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Test
    void aPoisonRecordTooLargeForTheDeadLetterTopicIsDeadLetteredWithoutItsValue() throws Exception {
        String topic = fixture.topics.dataTopic(PeakonCollection.EMPLOYEES);
        allowLargeRecords(topic);
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        // No run_id: a defective envelope, dead-lettered before MongoDB sees it. 2 MB: over the DLT's 1 MB default.
        RecordEnvelope noRunId = new RecordEnvelope(
                1,
                null,
                "employees",
                "/employees",
                "u",
                at,
                DocumentKey.of(7),
                null,
                WriterFixture.answerItem(7, "x".repeat(TWO_MEGABYTES)));
        byte[] big = ContractJson.mapper().writeValueAsBytes(noRunId);
        try (KafkaProducer<String, byte[]> producer = largeRecordProducer()) {
            // The raised limit reaches the broker's log shortly after the controller took it: until then the broker
            // refuses the record (RecordTooLargeException), which is not what this test is about.
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() ->
                            producer.send(new ProducerRecord<>(topic, "7", big)).get() != null);
        }
        RecordEnvelope good = WriterFixture.envelope(
                "run-big", PeakonCollection.EMPLOYEES, DocumentKey.of(8), at, null, WriterFixture.answerItem(8, "c"));
        fixture.send(good);
        registry.getListenerContainer(WriterListener.ID).start();

        await().atMost(WriterFixture.patience())
                .untilAsserted(() -> assertThat(mongo.getCollection("employees").countDocuments())
                        .isEqualTo(1));
        List<ConsumerRecord<String, byte[]>> dead = fixture.deadLetters(topic, 1);
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("7");
            assertThat(record.value()).isEmpty();
            assertThat(WriterFixture.header(record, "peakon_dlt-value-omitted-bytes"))
                    .isEqualTo(Integer.toString(big.length));
            assertThat(WriterFixture.header(record, "kafka_dlt-exception-message"))
                    .isEqualTo("envelope has no run_id");
            assertThat(WriterFixture.header(record, "kafka_dlt-original-topic")).isEqualTo(topic);
            assertThat(WriterFixture.header(record, "kafka_dlt-original-offset"))
                    .isNotNull();
        });
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp("it-dlt-big"));
    }

    private static void allowLargeRecords(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap))) {
            admin.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, topic),
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("max.message.bytes", Integer.toString(4 * TWO_MEGABYTES)),
                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
        }
    }

    private static KafkaProducer<String, byte[]> largeRecordProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * TWO_MEGABYTES);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
