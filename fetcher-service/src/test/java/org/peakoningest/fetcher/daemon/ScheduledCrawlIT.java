package org.peakoningest.fetcher.daemon;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.fetcher.FetcherApplication;
import org.peakoningest.fetcher.PeakonStub;
import org.peakoningest.fetcher.lock.CrawlLock;
import org.peakoningest.testsupport.Infrastructure;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The daemon ({@code peakon.fetcher.command=daemon}, what {@code fetcher daemon} starts): {@code RUN_ON_START}, then
 * a run on every {@code SCHEDULE_CRON} tick, each under the crawl lock; closing it lets the running crawl finish.
 */
class ScheduledCrawlIT {

    private static final String DATABASE = "it_scheduled_crawl";
    private static final WireMockServer peakon = PeakonStub.sharedServer();
    private static final PeakonStub stub = new PeakonStub(peakon);

    @BeforeEach
    void standardPeakon() {
        peakon.resetAll();
        stub.standard();
    }

    @Test
    void theDaemonRunsOnStartAndThenOnItsSchedule() {
        try (ConfigurableApplicationContext daemon = daemon("0 3 * * 1", true)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> driverCalls() >= 1);
        }
        assertThat(driverCalls())
                .as("only the run on start: Monday 03:00 is far")
                .isEqualTo(1);

        peakon.resetRequests();
        try (ConfigurableApplicationContext daemon = daemon("* * * * * *", false)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> driverCalls() >= 2);
        }
    }

    @Test
    void aRunWhileAnotherFetcherHoldsTheCrawlLockIsSkipped() {
        try (MongoClient client =
                MongoClients.create(IntegrationInfrastructure.shared().mongoUri())) {
            SimpleLock held = new MongoLockProvider(
                            client.getDatabase(DATABASE).getCollection(MongoCollections.FETCHER_LOCKS))
                    .lock(new LockConfiguration(Instant.now(), CrawlLock.NAME, Duration.ofMinutes(5), Duration.ZERO))
                    .orElseThrow();
            try (ConfigurableApplicationContext daemon = daemon("* * * * * *", true)) {
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> driverCalls() == 0);
            } finally {
                held.unlock();
            }
        }
        assertThat(peakon.getAllServeEvents())
                .as("no request at all while the lock is held")
                .isEmpty();
    }

    private static ConfigurableApplicationContext daemon(String cron, boolean runOnStart) {
        Infrastructure infra = IntegrationInfrastructure.shared();
        return new SpringApplication(FetcherApplication.class)
                .run(
                        "--peakon.fetcher.command=daemon",
                        "--peakon.fetcher.schedule-cron=" + cron,
                        "--peakon.fetcher.run-on-start=" + runOnStart,
                        "--peakon.fetcher.base-url=" + stub.baseUrl(),
                        "--peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN,
                        "--peakon.fetcher.per-page=3",
                        "--peakon.fetcher.topic-prefix=it-daemon.",
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri() + "/" + DATABASE,
                        "--spring.mongodb.database=" + DATABASE,
                        "--server.port=0");
    }

    private static int driverCalls() {
        return peakon.findAll(getRequestedFor(urlPathEqualTo(PeakonStub.API + "/engagement/drivers")))
                .size();
    }
}
