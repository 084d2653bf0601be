package org.peakoningest.writer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.testsupport.PeakonIntegrationTest;
import org.peakoningest.testsupport.PrometheusScrape;
import org.peakoningest.writer.WriterFixture;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The writer serves its meters on {@code /actuator/prometheus}: after landing a crawl's records (one of them
 * malformed), records written per collection, the dead letter, the landing latency and the Kafka consumer's own
 * meters (lag, records consumed) are there — every writer series of the dashboard's list
 * ({@link PrometheusScrape#LIST}) among them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"peakon.writer.topic-prefix=it-prom.", "peakon.writer.group-id=it-prom"})
@PeakonIntegrationTest
@DirtiesContext
class PrometheusEndpointIT {

    private static final int ANSWERS = 40;
    private static final int EMPLOYEES = 7;

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-prom.");

    @LocalServerPort
    int port;

    @Test
    void afterALandingTheEndpointServesTheNamedMetersWithTheLandingsNumbers() {
        // Fetched 3 s ago: every record waited at least that long before it landed.
        Instant fetchedAt = Instant.now().minusSeconds(3);
        List<RecordEnvelope> records = new ArrayList<>();
        for (long id = 1; id <= ANSWERS; id++) {
            records.add(WriterFixture.answer("run-prom", id, fetchedAt, "c" + id));
        }
        for (long id = 1; id <= EMPLOYEES; id++) {
            records.add(WriterFixture.envelope(
                    "run-prom",
                    PeakonCollection.EMPLOYEES,
                    DocumentKey.of(id),
                    fetchedAt,
                    null,
                    WriterFixture.answerItem(id, "e")));
        }
        Instant sent = Instant.now();
        fixture.send(records);
        String answersTopic = fixture.topics.dataTopic(PeakonCollection.ANSWERS_EXPORT);
        fixture.sendRaw(answersTopic, "41", "{\"schema_version\":1".getBytes(StandardCharsets.UTF_8));

        String url = "http://127.0.0.1:" + port + "/actuator/prometheus";
        await().atMost(WriterFixture.patience())
                .until(() -> fixture.caughtUp("it-prom")
                        && PrometheusScrape.get(url, null).value("peakon_writer_dead_letters_total") >= 1);
        PrometheusScrape scrape = PrometheusScrape.get(url, null);
        Instant scraped = Instant.now();

        assertThat(scrape.names())
                .as("every writer series the dashboard may query")
                .containsAll(PrometheusScrape.listed("writer"));

        assertThat(scrape.value("peakon_writer_records_total", "collection", "answers_export", "outcome", "written"))
                .isEqualTo(ANSWERS);
        assertThat(scrape.value("peakon_writer_records_total", "collection", "employees", "outcome", "written"))
                .isEqualTo(EMPLOYEES);
        assertThat(scrape.value("peakon_writer_dead_letters_total", "topic", answersTopic))
                .isEqualTo(1);

        assertThat(scrape.value("peakon_writer_landing_latency_seconds_count", "collection", "answers_export"))
                .isEqualTo(ANSWERS);
        assertThat(scrape.value("peakon_writer_landing_latency_seconds_count", "collection", "employees"))
                .isEqualTo(EMPLOYEES);
        double longest = Duration.between(fetchedAt, scraped).toMillis() / 1000.0;
        assertThat(scrape.value("peakon_writer_landing_latency_seconds_max", "collection", "answers_export"))
                .isBetween(Duration.between(fetchedAt, sent).toMillis() / 1000.0, longest);
        assertThat(scrape.value("peakon_writer_landing_latency_seconds_sum", "collection", "answers_export"))
                .isGreaterThanOrEqualTo(ANSWERS * 3.0)
                .isLessThanOrEqualTo(ANSWERS * longest);

        // Spring Boot binds the Kafka consumer's own metrics: what it consumed, and its lag. Micrometer binds the
        // per-partition lag once the consumer has created it, on its next refresh (up to a minute); caught up, it
        // is 0 on every partition of the data topic. (Kafka reports it twice, also under the topic's name with '.'
        // replaced by '_'.)
        assertThat(scrape.value("kafka_consumer_fetch_manager_records_consumed_total"))
                .isGreaterThanOrEqualTo(ANSWERS + EMPLOYEES + 1);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(PrometheusScrape.get(url, null)
                                .matching("kafka_consumer_fetch_manager_records_lag", "topic", answersTopic))
                        .as("one lag per partition of %s", answersTopic)
                        .hasSize(3)
                        .allSatisfy(s -> assertThat(s.value()).isZero()));
        assertThat(scrape.value("peakon_writer_batch_size_records_sum"))
                .isGreaterThanOrEqualTo(ANSWERS + EMPLOYEES + 1);
    }
}
