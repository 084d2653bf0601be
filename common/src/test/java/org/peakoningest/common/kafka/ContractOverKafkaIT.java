package org.peakoningest.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.keys.DocumentKeys;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.common.runs.RunStarted;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.testsupport.Infrastructure;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.peakoningest.testsupport.KafkaProbe;
import tools.jackson.databind.JsonNode;

/** What the contract's serializer writes, its deserializer reads back, through a real broker. */
class ContractOverKafkaIT {

    private final Infrastructure infra = IntegrationInfrastructure.shared();
    private final TopicNames topics =
            new TopicNames("it-contract-" + UUID.randomUUID().toString().substring(0, 8) + ".");

    @Test
    void envelopesAndRunEventsSurviveTheBrokerUnchanged() throws Exception {
        String dataTopic = topics.dataTopic(PeakonCollection.EMPLOYEES);
        KafkaProbe.createTopics(infra.kafkaBootstrapServers(), 3, List.of(dataTopic, topics.runEventsTopic()));
        String runId = UUID.randomUUID().toString();

        JsonNode numeric = ContractJson.mapper()
                .readTree(
                        "{\"id\":\"4711\",\"type\":\"employees\",\"attributes\":{\"name\":\"Zoë Ünal\",\"Department\":\"R&D\"}}");
        JsonNode text = ContractJson.mapper().readTree("{\"id\":\"ext-1\",\"type\":\"employees\",\"attributes\":{}}");
        List<RecordEnvelope> sent = List.of(numeric, text).stream()
                .map(item -> RecordEnvelope.of(
                        runId,
                        PeakonCollection.EMPLOYEES,
                        "/employees",
                        "https://acme.peakon.com/api/v1/employees?page=1",
                        Instant.parse("2026-11-23T03:00:00.123Z"),
                        DocumentKeys.keyOf(PeakonCollection.EMPLOYEES, item, null),
                        null,
                        item))
                .toList();
        RunStarted started =
                RunStarted.of(runId, Instant.parse("2026-11-23T03:00:00Z"), SyncMode.FULL, List.of("employees"));

        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true);
        try (KafkaProducer<String, RecordEnvelope> data =
                        new KafkaProducer<>(config, new StringSerializer(), new ContractSerializer<>());
                KafkaProducer<String, RunEvent> events =
                        new KafkaProducer<>(config, new StringSerializer(), new ContractSerializer<>())) {
            for (RecordEnvelope envelope : sent) {
                data.send(new ProducerRecord<>(dataTopic, RecordKeys.of(envelope.key()), envelope))
                        .get();
            }
            events.send(new ProducerRecord<>(topics.runEventsTopic(), RecordKeys.ofRun(runId), started))
                    .get();
        }

        List<ConsumerRecord<String, RecordEnvelope>> read = KafkaProbe.readAll(
                infra.kafkaBootstrapServers(),
                List.of(dataTopic),
                new StringDeserializer(),
                new ContractDeserializer.Envelopes(),
                2,
                Duration.ofSeconds(30));
        assertThat(read).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(read).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("4711", "\"ext-1\"");
        assertThat(read)
                .extracting(r -> r.value().key())
                .containsExactlyInAnyOrder(DocumentKey.of(4711), DocumentKey.of("ext-1"));

        List<ConsumerRecord<String, RunEvent>> events = KafkaProbe.readAll(
                infra.kafkaBootstrapServers(),
                List.of(topics.runEventsTopic()),
                new StringDeserializer(),
                new ContractDeserializer.RunEvents(),
                1,
                Duration.ofSeconds(30));
        assertThat(events).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("\"" + runId + "\"");
            assertThat(r.value()).isEqualTo(started);
        });
    }

    @Test
    void garbageBytesRaiseASerializationExceptionNamingTheTopic() {
        ContractDeserializer.Envelopes deserializer = new ContractDeserializer.Envelopes();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> deserializer.deserialize("peakon.employees", "{not json".getBytes()))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
                .hasMessageContaining("peakon.employees");
    }
}
