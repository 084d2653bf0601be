package org.peakoningest.fetcher.progress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.fetcher.FetcherApplication;
import org.peakoningest.fetcher.PeakonStub;
import org.peakoningest.testsupport.Infrastructure;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.peakoningest.testsupport.PrometheusScrape;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The daemon serves its meters on {@code /actuator/prometheus}: after a crawl of the standard data set (one 429 on
 * the way), items and pages per collection are what Peakon served, the 429 and its retry are counted, the budget
 * gauge shows what is left, and the run's outcome and duration are there — every fetcher series of the dashboard's
 * list ({@link PrometheusScrape#LIST}) among them.
 */
class PrometheusEndpointIT {

    private static final String DATABASE = "it_fetcher_prometheus";
    private static final int RATE_LIMIT = 500;
    private static final WireMockServer peakon = PeakonStub.sharedServer();
    private static final PeakonStub stub = new PeakonStub(peakon);

    @Test
    void afterACrawlTheEndpointServesTheNamedMetersWithTheCrawlsNumbers() {
        peakon.resetAll();
        stub.standard();
        // The drivers endpoint answers 429 once (Retry-After 1 s), then as usual.
        peakon.stubFor(get(urlPathEqualTo(PeakonStub.API + "/engagement/drivers"))
                .inScenario("rate-limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("served"));
        Instant before = Instant.now();

        try (ConfigurableApplicationContext daemon = daemon()) {
            String url = "http://127.0.0.1:" + daemon.getEnvironment().getProperty("local.server.port")
                    + "/actuator/prometheus";
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> PrometheusScrape.get(url, null).value("peakon_fetcher_runs_total") >= 1);
            PrometheusScrape scrape = PrometheusScrape.get(url, null);

            assertThat(scrape.names())
                    .as("every fetcher series the dashboard may query")
                    .containsAll(PrometheusScrape.listed("fetcher"));

            assertThat(scrape.value("peakon_fetcher_runs_total", "status", "success"))
                    .isEqualTo(1);
            assertThat(scrape.value("peakon_fetcher_last_run_outcome", "status", "success"))
                    .isEqualTo(1);
            assertThat(scrape.value("peakon_fetcher_last_run_outcome", "status", "failed"))
                    .isZero();
            assertThat(scrape.value("peakon_fetcher_run_duration_seconds_count", "status", "success"))
                    .isEqualTo(1);
            double duration = scrape.value("peakon_fetcher_last_run_duration_seconds");
            assertThat(duration)
                    .as("the run waited out the Retry-After of 1 s")
                    .isGreaterThanOrEqualTo(1)
                    .isLessThan(Duration.between(before, Instant.now()).toMillis() / 1000.0);
            assertThat(scrape.value("peakon_fetcher_run_duration_seconds_sum", "status", "success"))
                    .as("the timer's one run is the last run (to the gauge's millisecond)")
                    .isCloseTo(duration, within(0.001));
            assertThat(scrape.value("peakon_fetcher_last_run_finished_seconds"))
                    .isBetween(before.getEpochSecond() - 1.0, Instant.now().getEpochSecond() + 1.0);

            assertThat(items(scrape, PeakonCollection.ANSWERS_EXPORT)).isEqualTo(PeakonStub.ANSWERS);
            assertThat(items(scrape, PeakonCollection.EMPLOYEES)).isEqualTo(PeakonStub.EMPLOYEES);
            assertThat(items(scrape, PeakonCollection.DRIVERS)).isEqualTo(PeakonStub.DRIVERS);
            assertThat(items(scrape, PeakonCollection.SCORES_CONTEXTS)).isEqualTo(PeakonStub.SCORES_CONTEXTS);
            assertThat(items(scrape, PeakonCollection.SEGMENTS)).isEqualTo(PeakonStub.SEGMENTS);
            assertThat(scrape.value(
                            "peakon_fetcher_pages_total",
                            "collection",
                            PeakonCollection.ANSWERS_EXPORT.collectionName()))
                    .as("answers came in 4 pages")
                    .isEqualTo(4);
            assertThat(scrape.value("peakon_fetcher_pages_total", "collection", "employees"))
                    .isEqualTo(2);

            assertThat(scrape.value("peakon_fetcher_rate_limited_total")).isEqualTo(1);
            assertThat(scrape.value("peakon_fetcher_retries_total")).isGreaterThanOrEqualTo(1);
            peakon.verify(2, getRequestedFor(urlPathEqualTo(PeakonStub.API + "/engagement/drivers")));
            double requests = scrape.value("peakon_fetcher_requests_total");
            assertThat(requests).isEqualTo(peakon.getAllServeEvents().size());
            assertThat(scrape.value("peakon_fetcher_rate_budget_remaining"))
                    .as("the hourly budget (less its 2 % margin, see RateBudget) less what this run sent")
                    .isEqualTo(RATE_LIMIT - RATE_LIMIT / 50 - requests);
        }
    }

    private static double items(PrometheusScrape scrape, PeakonCollection collection) {
        return scrape.value("peakon_fetcher_items_total", "collection", collection.collectionName());
    }

    private static ConfigurableApplicationContext daemon() {
        Infrastructure infra = IntegrationInfrastructure.shared();
        return new SpringApplication(FetcherApplication.class)
                .run(
                        "--peakon.fetcher.command=daemon",
                        "--peakon.fetcher.run-on-start=true",
                        "--peakon.fetcher.base-url=" + stub.baseUrl(),
                        "--peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN,
                        "--peakon.fetcher.per-page=3",
                        "--peakon.fetcher.rate-limit-per-hour=" + RATE_LIMIT,
                        "--peakon.fetcher.topic-prefix=it-prometheus.",
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri() + "/" + DATABASE,
                        "--spring.mongodb.database=" + DATABASE,
                        "--server.port=0");
    }
}
