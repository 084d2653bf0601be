package org.peakoningest.writer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.testsupport.Infrastructure;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.peakoningest.testsupport.KafkaProbe;
import org.peakoningest.writer.WriterFixture;
import org.peakoningest.writer.WriterIntegrationTest;
import org.peakoningest.writer.health.WriteHealth;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

/**
 * Mongo down for 20 s during a run: nothing is dead-lettered, nothing is committed while it is down, health says
 * DOWN, and every record is in Mongo once it is back.
 */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-outage.",
    "peakon.writer.group-id=it-outage",
    "peakon.writer.mongo-retry-backoff=200ms",
    "peakon.writer.mongo-retry-max-backoff=2s",
    "peakon.writer.mongo-timeout=1s",
    "peakon.writer.mongo-socket-timeout=5s",
    "peakon.writer.runs-recount-interval=500ms"
})
class MongoOutageIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-outage.");

    private static final String GROUP = "it-outage";

    @Autowired
    MongoDatabase mongo;

    @Autowired
    WriteHealth health;

    @Autowired
    HealthEndpoint healthEndpoint;

    @Test
    void outageIsRetriedWithoutCommittingOrDeadLettering() {
        Instant at = Instant.parse("2026-11-25T11:00:00Z");
        fixture.send(answers(1, 100, at));
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp(GROUP));
        Map<TopicPartition, Long> committedBefore = fixture.committed(GROUP);

        Infrastructure infra = IntegrationInfrastructure.shared();
        infra.interruptMongo();
        try {
            fixture.send(answers(101, 300, at));
            await().atMost(Duration.ofSeconds(15)).until(health::isFailing);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(healthEndpoint.health().getStatus()).isEqualTo(Status.DOWN);
            // For the 20 s of the outage the group's offsets stay where they were.
            await().during(Duration.ofSeconds(20))
                    .atMost(Duration.ofSeconds(25))
                    .until(() -> fixture.committed(GROUP).equals(committedBefore));
            assertThat(fixture.endOffsets()).isNotEqualTo(committedBefore);
        } finally {
            infra.resumeMongo();
        }

        await().atMost(WriterFixture.patience())
                .untilAsserted(
                        () -> assertThat(mongo.getCollection("answers_export").countDocuments())
                                .isEqualTo(300));
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp(GROUP));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            CompositeHealthDescriptor components =
                    (CompositeHealthDescriptor) healthEndpoint.healthForPath("components");
            assertThat(components.getComponents()).containsKeys("mongo", "mongoWrites", "kafka");
            components
                    .getComponents()
                    .forEach((name, component) ->
                            assertThat(component.getStatus()).as(name).isEqualTo(Status.UP));
            assertThat(healthEndpoint.health().getStatus()).isEqualTo(Status.UP);
        });

        List<String> deadLetterTopics = fixture.subscribed().stream()
                .map(fixture.topics::deadLetterTopic)
                .toList();
        assertThat(KafkaProbe.readAll(
                        fixture.bootstrap,
                        deadLetterTopics,
                        new StringDeserializer(),
                        new ByteArrayDeserializer(),
                        0,
                        Duration.ofSeconds(3)))
                .isEmpty();
    }

    private static List<RecordEnvelope> answers(long from, long to, Instant at) {
        List<RecordEnvelope> out = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            out.add(WriterFixture.answer("run-outage", id, at, "c" + id));
        }
        return out;
    }
}
