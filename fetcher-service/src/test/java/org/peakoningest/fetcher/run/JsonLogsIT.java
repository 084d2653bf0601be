package org.peakoningest.fetcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.peakoningest.fetcher.CrawlFixture;
import org.peakoningest.fetcher.PeakonStub;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code LOG_FORMAT=json}: the packaged fetcher (its own process, so it logs with its production logging set-up, not
 * the tests' logback-test.xml) writes one JSON object per line from start to exit, and every line of the crawl
 * carries the run's id as {@code run_id}.
 */
@TestPropertySource(properties = "peakon.fetcher.topic-prefix=it-jsonlogs.")
class JsonLogsIT extends CrawlFixture {

    @Value("${spring.mongodb.database}")
    String database;

    @Test
    void everyLineOfAnIngestIsJsonAndTheCrawlsLinesCarryTheRunId() throws Exception {
        Path log = Files.createTempFile("fetcher-json", ".log");
        Process fetcher = fetcherProcess(log);
        assertThat(fetcher.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> lines =
                Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        assertThat(fetcher.exitValue()).as(String.join("\n", lines)).isZero();

        JsonMapper json = JsonMapper.shared();
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines) {
            entries.add(json.readTree(line)); // throws on any line that is not JSON
        }
        assertThat(entries).allSatisfy(e -> assertThat(e.isObject()).isTrue());
        assertThat(entries)
                .allSatisfy(e -> assertThat(e.path("message").isString()).isTrue());

        List<JsonNode> crawl = entries.stream()
                .filter(e -> logger(e).startsWith("org.peakoningest.fetcher.crawl.")
                        || logger(e).equals(IngestionRun.class.getName()))
                .toList();
        assertThat(crawl).as("the run's own lines (start, pages, summary)").hasSizeGreaterThan(2);
        String runId = crawl.get(0).path("run_id").asString();
        assertThat(runId).isNotBlank();
        assertThat(crawl)
                .allSatisfy(e -> assertThat(e.path("run_id").asString()).isEqualTo(runId));
        assertThat(crawl.get(0).path("message").asString()).contains("run " + runId + " started");
    }

    /** ECS nests the logger ({@code log.logger}); read either form. */
    private static String logger(JsonNode entry) {
        JsonNode nested = entry.path("log").path("logger");
        return nested.isString() ? nested.asString() : entry.path("log.logger").asString("");
    }

    private Process fetcherProcess(Path log) throws Exception {
        Path jar = Paths.get("target", "fetcher-service-0.1.0-SNAPSHOT.jar");
        assertThat(jar).exists();
        ProcessBuilder builder = new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "ingest",
                "--full-sync");
        builder.environment().put("LOG_FORMAT", "json");
        builder.environment().put("PEAKON_BASE_URL", stub.baseUrl());
        builder.environment().put("PEAKON_APP_TOKEN", PeakonStub.APP_TOKEN);
        builder.environment().put("PEAKON_PER_PAGE", "3");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        builder.environment().put("KAFKA_TOPIC_PREFIX", "it-jsonlogs.");
        builder.environment()
                .put("MONGO_URI", IntegrationInfrastructure.shared().mongoUri());
        builder.environment().put("MONGO_DB", database);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return builder.start();
    }
}
