package org.peakoningest.fetcher;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.Infrastructure;
import org.peakoningest.testsupport.IntegrationInfrastructure;

/**
 * The packaged jar as the container runs it: {@code daemon} with the environment of the brief crawls on start,
 * serves Actuator health/info/metrics/prometheus on {@code FETCHER_HTTP_PORT}, and stops on SIGTERM.
 */
class DaemonJarIT {

    @Test
    void theDaemonCrawlsOnStartServesHealthAndStopsOnSigterm() throws Exception {
        Infrastructure infra = IntegrationInfrastructure.shared();
        WireMockServer peakon = new WireMockServer(wireMockConfig().dynamicPort());
        peakon.start();
        new PeakonStub(peakon).standard();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path jar = Paths.get("target", "fetcher-service-0.1.0-SNAPSHOT.jar");
        assertThat(jar).exists();
        ProcessBuilder builder = new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "daemon");
        builder.environment().put("PEAKON_BASE_URL", peakon.baseUrl() + PeakonStub.API);
        builder.environment().put("PEAKON_APP_TOKEN", PeakonStub.APP_TOKEN);
        builder.environment().put("PEAKON_PER_PAGE", "3");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        builder.environment().put("KAFKA_TOPIC_PREFIX", "it-daemon.");
        builder.environment().put("KAFKA_TOPIC_PARTITIONS", "2");
        builder.environment().put("MONGO_URI", infra.mongoUri());
        builder.environment().put("MONGO_DB", "it_daemon_jar");
        builder.environment().put("FETCHER_HTTP_PORT", Integer.toString(port));
        builder.redirectErrorStream(true);
        Path output = Files.createTempFile("fetcher-daemon", ".log");
        builder.redirectOutput(output.toFile());
        Process daemon = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            // Start-up plus one crawl: the jar alone took 36-54 s to start on a loaded 2-core machine.
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> get(http, port, "/actuator/info").contains("\"status\":\"success\""));
            var health =
                    org.peakoningest.common.json.ContractJson.mapper().readTree(get(http, port, "/actuator/health"));
            // Only our component: the Mongo component is DOWN on mongo-java-server, which lacks the "hello"
            // command the Actuator Mongo indicator sends (real MongoDB has it).
            assertThat(health.at("/components/lastRun/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/lastRun/details/lastStatus").asString())
                    .isEqualTo("success");
            assertThat(get(http, port, "/actuator/metrics/peakon.fetcher.requests"))
                    .contains("\"value\"");
            // The packaged jar carries the Prometheus registry: the run's outcome is scrapeable.
            assertThat(get(http, port, "/actuator/prometheus"))
                    .contains("peakon_fetcher_last_run_outcome{status=\"success\"} 1.0");
            peakon.verify(1, getRequestedFor(urlPathEqualTo(PeakonStub.API + "/engagement/drivers")));
            String log = Files.readString(output);
            assertThat(log)
                    .contains("daemon: crawling on schedule '0 3 * * 1'", "answers_export: page 4 read")
                    .doesNotContain(PeakonStub.APP_TOKEN, PeakonStub.BEARER);
        } finally {
            daemon.destroy(); // SIGTERM, as `docker stop` sends
            assertThat(daemon.waitFor(45, TimeUnit.SECONDS))
                    .as("stopped on SIGTERM")
                    .isTrue();
            peakon.stop();
            System.out.println(Files.readString(output));
        }
    }

    private static String get(HttpClient http, int port, String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "";
        }
    }
}
