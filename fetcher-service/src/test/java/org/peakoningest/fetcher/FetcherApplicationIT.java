package org.peakoningest.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.fetcher.run.ExitCodes;
import org.peakoningest.testsupport.CommandOutput;
import org.peakoningest.testsupport.Infrastructure;
import org.peakoningest.testsupport.IntegrationInfrastructure;

/** The command line as an operator uses it: exit statuses, the one-line configuration errors, the summary. */
class FetcherApplicationIT {

    static final Infrastructure infra = IntegrationInfrastructure.shared();
    static final WireMockServer peakon = PeakonStub.sharedServer();
    static final String DB = "it_fetcher_application";

    @BeforeEach
    void standardPeakon() {
        peakon.resetAll();
        new PeakonStub(peakon).standard();
    }

    /** Runs the fetcher's command line in this JVM with {@link #args}. */
    private static CommandOutput fetcher(String... extra) {
        return CommandOutput.of(() -> FetcherApplication.run(args(extra).toArray(String[]::new)));
    }

    /** The command and overrides, plus defaults for every setting an override does not name. */
    private static List<String> args(String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        List<String> defaults = List.of(
                "--peakon.fetcher.base-url=" + peakon.baseUrl() + PeakonStub.API,
                "--peakon.fetcher.per-page=3",
                "--peakon.fetcher.topic-prefix=it-cli.",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infra.mongoUri() + "/" + DB,
                "--spring.mongodb.database=" + DB);
        for (String option : defaults) {
            String name = option.substring(0, option.indexOf('=') + 1);
            if (args.stream().noneMatch(a -> a.startsWith(name))) {
                args.add(option);
            }
        }
        return args;
    }

    @Test
    void ingestRunsOnceExitsZeroAndPrintsTheSummary() throws Exception {
        CommandOutput result = fetcher("ingest", "--full-sync", "--peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN);
        assertThat(result.status()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(result.out())
                .contains("finished: success", "answers_export", "scores_by_driver")
                .containsPattern("answers_export\\s+success\\s+9\\s+4")
                .doesNotContain(PeakonStub.APP_TOKEN, PeakonStub.BEARER);
    }

    @Test
    void aDryRunPrintsCountsPerCollection() throws Exception {
        CommandOutput result = fetcher("ingest", "--dry-run", "--peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN);
        assertThat(result.status()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(result.out())
                .contains("dry run", "nothing was published")
                .containsPattern("drivers_catalog\\s+success\\s+17");
    }

    @Test
    void anotherFetcherHoldingTheLockMeansExit75() throws Exception {
        try (MongoClient client = MongoClients.create(infra.mongoUri())) {
            MongoLockProvider locks =
                    new MongoLockProvider(client.getDatabase(DB).getCollection(MongoCollections.FETCHER_LOCKS));
            SimpleLock held = locks.lock(
                            new LockConfiguration(Instant.now(), "peakon-crawl", Duration.ofMinutes(5), Duration.ZERO))
                    .orElseThrow();
            try {
                CommandOutput result = fetcher("ingest", "--peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN);
                assertThat(result.status()).isEqualTo(ExitCodes.LOCK_HELD);
                assertThat(result.out()).contains("another fetcher holds the crawl lock");
            } finally {
                held.unlock();
            }
        }
    }

    @Test
    void aMissingAppTokenIsOneLineAndExitTwo() throws Exception {
        CommandOutput result = fetcher("ingest");
        assertThat(result.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.err().strip()).isEqualTo("PEAKON_APP_TOKEN is required");
    }

    @Test
    void anInvalidCronOrPageSizeNamesTheSetting() throws Exception {
        CommandOutput cron =
                fetcher("daemon", "--peakon.fetcher.app-token=t", "--peakon.fetcher.schedule-cron=every monday");
        assertThat(cron.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(cron.err()).startsWith("SCHEDULE_CRON is not a valid cron expression");

        CommandOutput perPage = fetcher("ingest", "--peakon.fetcher.app-token=t", "--peakon.fetcher.per-page=20001");
        assertThat(perPage.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(perPage.err().strip()).isEqualTo("PEAKON_PER_PAGE must be between 1 and 20000 (got '20001')");

        CommandOutput notANumber = fetcher("ingest", "--peakon.fetcher.app-token=t", "--peakon.fetcher.per-page=many");
        assertThat(notANumber.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(notANumber.err()).startsWith("PEAKON_PER_PAGE");
    }

    @Test
    void anInvalidScoreSettingNamesTheSetting() throws Exception {
        CommandOutput interval =
                fetcher("ingest", "--peakon.fetcher.app-token=t", "--peakon.fetcher.scores-interval=weekly");
        assertThat(interval.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(interval.err().strip())
                .isEqualTo("PEAKON_SCORES_INTERVAL must be one of month, quarter, year, all, recent");

        CommandOutput participation =
                fetcher("ingest", "--peakon.fetcher.app-token=t", "--peakon.fetcher.scores-participation=maybe");
        assertThat(participation.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(participation.err()).startsWith("PEAKON_SCORES_PARTICIPATION");
        assertThat(participation.err().strip().lines()).hasSize(1);
    }

    @Test
    void unreachableKafkaOrMongoNamesTheSetting() throws Exception {
        List<String> badKafka =
                args("ingest", "--peakon.fetcher.app-token=t", "--spring.kafka.bootstrap-servers=127.0.0.1:1");
        CommandOutput kafka = CommandOutput.of(() -> FetcherApplication.run(badKafka.toArray(String[]::new)));
        assertThat(kafka.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(kafka.err()).startsWith("KAFKA_BOOTSTRAP_SERVERS is unreachable");
        assertThat(kafka.err().strip().lines()).hasSize(1);

        List<String> badMongo =
                args("ingest", "--peakon.fetcher.app-token=t", "--spring.mongodb.uri=mongodb://127.0.0.1:1/x");
        CommandOutput mongo = CommandOutput.of(() -> FetcherApplication.run(badMongo.toArray(String[]::new)));
        assertThat(mongo.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(mongo.err()).startsWith("MONGO_URI is unreachable");
        assertThat(mongo.err().strip().lines()).hasSize(1);
    }

    @Test
    void aPortInUseNamesTheSetting() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            CommandOutput result = fetcher(
                    "daemon",
                    "--peakon.fetcher.app-token=t",
                    "--peakon.fetcher.run-on-start=false",
                    "--server.port=" + busy.getLocalPort());
            assertThat(result.status()).isEqualTo(ExitCodes.CONFIGURATION);
            assertThat(result.err()).startsWith("FETCHER_HTTP_PORT is already in use");
            assertThat(result.err().strip().lines()).hasSize(1);
        }
    }
}
