package org.peakoningest.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStarted;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code LOG_FORMAT=json}: the packaged writer (its own process, so it logs with its production logging set-up, not
 * the tests' logback-test.xml) writes one JSON object per line from start to stop, and the lines it logs while
 * projecting a run's batches carry the run's id as {@code run_id}.
 */
class JsonLogsIT {

    private static final String PREFIX = "it-jsonlogs.";
    private static final String DATABASE = "it_writer_json_logs";
    private static final String RUN = "run-json";

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture(PREFIX);

    @Test
    void everyLineIsJsonAndTheLinesOfARunsBatchesCarryItsId() throws Exception {
        Instant at = Instant.now().minusSeconds(30);
        fixture.send(RunStarted.of(RUN, at, SyncMode.FULL, List.of("answers_export")));
        List<RecordEnvelope> answers = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            answers.add(WriterFixture.answer(RUN, id, at, "c" + id));
        }
        fixture.send(answers);
        fixture.send(RunFinished.of(
                RUN,
                at,
                at.plusSeconds(10),
                SyncMode.FULL,
                RunStatus.SUCCESS,
                null,
                Map.of(
                        PeakonCollection.ANSWERS_EXPORT.collectionName(),
                        new CollectionStats(CollectionStatus.SUCCESS, 5, 1, List.of(), null, 5L))));

        Path log = Files.createTempFile("writer-json", ".log");
        Process writer = writerProcess(log);
        try (MongoClient client =
                MongoClients.create(IntegrationInfrastructure.shared().mongoUri())) {
            MongoDatabase db = client.getDatabase(DATABASE);
            await().atMost(WriterFixture.patience().multipliedBy(2))
                    .until(() -> !writer.isAlive()
                            || "complete".equals(WriterFixture.run(db, RUN).getString("landing_status")));
            assertThat(writer.isAlive()).as(Files.readString(log)).isTrue();
        } finally {
            writer.destroy(); // SIGTERM: a graceful stop, logged too
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        List<String> lines =
                Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        JsonMapper json = JsonMapper.shared();
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines) {
            entries.add(json.readTree(line)); // throws on any line that is not JSON
        }
        assertThat(entries)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("message").isString())
                        .as(e.toString())
                        .isTrue());
        List<JsonNode> projected = entries.stream()
                .filter(e -> e.path("message").asString().contains("run " + RUN + " finished fetching"))
                .toList();
        assertThat(projected)
                .as("the RunFinished projected (RunEventApplier's line)")
                .isNotEmpty();
        assertThat(projected)
                .allSatisfy(e -> assertThat(e.path("run_id").asString()).isEqualTo(RUN));
        assertThat(entries)
                .as("a line that carries a run id carries this run's")
                .filteredOn(e -> e.has("run_id"))
                .allSatisfy(e -> assertThat(e.path("run_id").asString()).isEqualTo(RUN));
    }

    private Process writerProcess(Path log) throws Exception {
        Path jar = Paths.get("target", "writer-service-0.1.0-SNAPSHOT.jar");
        assertThat(jar).exists();
        ProcessBuilder builder = new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString());
        builder.environment().put("LOG_FORMAT", "json");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", fixture.bootstrap);
        builder.environment().put("KAFKA_TOPIC_PREFIX", PREFIX);
        builder.environment().put("WRITER_GROUP_ID", "it-jsonlogs");
        builder.environment().put("WRITER_HTTP_PORT", "0");
        builder.environment()
                .put("MONGO_URI", IntegrationInfrastructure.shared().mongoUri());
        builder.environment().put("MONGO_DB", DATABASE);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return builder.start();
    }
}
