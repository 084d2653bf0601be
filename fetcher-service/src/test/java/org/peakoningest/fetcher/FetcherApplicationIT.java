package org.peakoningest.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.fetcher.run.ExitCodes;
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
        Result result = capture(() -> FetcherApplication.run(args("ingest", "--full-sync",
                "--peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN).toArray(String[]::new)));
        assertThat(result.status()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(result.out()).contains("finished: success", "answers_export", "scores_by_driver")
                .containsPattern("answers_export\\s+success\\s+9\\s+4")
                .doesNotContain(PeakonStub.APP_TOKEN, PeakonStub.BEARER);
    }

    @Test
    void aDryRunPrintsCountsPerCollection() throws Exception {
        Result result = capture(() -> FetcherApplication.run(args("ingest", "--dry-run",
                "--peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN).toArray(String[]::new)));
        assertThat(result.status()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(result.out()).contains("dry run", "nothing was published")
                .containsPattern("drivers_catalog\\s+success\\s+17");
    }

    @Test
    void anotherFetcherHoldingTheLockMeansExit75() throws Exception {
        try (MongoClient client = MongoClients.create(infra.mongoUri())) {
            MongoLockProvider locks = new MongoLockProvider(
                    client.getDatabase(DB).getCollection(MongoCollections.FETCHER_LOCKS));
            SimpleLock held = locks.lock(new LockConfiguration(Instant.now(), "peakon-crawl", Duration.ofMinutes(5),
                    Duration.ZERO)).orElseThrow();
            try {
                Result result = capture(() -> FetcherApplication.run(args("ingest",
                        "--peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN).toArray(String[]::new)));
                assertThat(result.status()).isEqualTo(ExitCodes.LOCK_HELD);
                assertThat(result.out()).contains("another fetcher holds the crawl lock");
            } finally {
                held.unlock();
            }
        }
    }

    @Test
    void aMissingAppTokenIsOneLineAndExitTwo() throws Exception {
        Result result = capture(() -> FetcherApplication.run(args("ingest").toArray(String[]::new)));
        assertThat(result.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.err().strip()).isEqualTo("PEAKON_APP_TOKEN is required");
    }

    @Test
    void anInvalidCronOrPageSizeNamesTheSetting() throws Exception {
        Result cron = capture(() -> FetcherApplication.run(args("daemon", "--peakon.fetcher.app-token=t",
                "--peakon.fetcher.schedule-cron=every monday").toArray(String[]::new)));
        assertThat(cron.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(cron.err()).startsWith("SCHEDULE_CRON is not a valid cron expression");

        Result perPage = capture(() -> FetcherApplication.run(args("ingest", "--peakon.fetcher.app-token=t",
                "--peakon.fetcher.per-page=20001").toArray(String[]::new)));
        assertThat(perPage.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(perPage.err().strip()).isEqualTo("PEAKON_PER_PAGE must be between 1 and 20000 (got '20001')");

        Result notANumber = capture(() -> FetcherApplication.run(args("ingest", "--peakon.fetcher.app-token=t",
                "--peakon.fetcher.per-page=many").toArray(String[]::new)));
        assertThat(notANumber.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(notANumber.err()).startsWith("PEAKON_PER_PAGE");
    }

    @Test
    void unreachableKafkaOrMongoNamesTheSetting() throws Exception {
        List<String> badKafka = args("ingest", "--peakon.fetcher.app-token=t",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1");
        Result kafka = capture(() -> FetcherApplication.run(badKafka.toArray(String[]::new)));
        assertThat(kafka.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(kafka.err()).startsWith("KAFKA_BOOTSTRAP_SERVERS is unreachable");
        assertThat(kafka.err().strip().lines()).hasSize(1);

        List<String> badMongo = args("ingest", "--peakon.fetcher.app-token=t",
                "--spring.mongodb.uri=mongodb://127.0.0.1:1/x");
        Result mongo = capture(() -> FetcherApplication.run(badMongo.toArray(String[]::new)));
        assertThat(mongo.status()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(mongo.err()).startsWith("MONGO_URI is unreachable");
        assertThat(mongo.err().strip().lines()).hasSize(1);
    }

    @Test
    void aPortInUseNamesTheSetting() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            Result result = capture(() -> FetcherApplication.run(args("daemon", "--peakon.fetcher.app-token=t",
                    "--peakon.fetcher.run-on-start=false", "--server.port=" + busy.getLocalPort())
                    .toArray(String[]::new)));
            assertThat(result.status()).isEqualTo(ExitCodes.CONFIGURATION);
            assertThat(result.err()).startsWith("FETCHER_HTTP_PORT is already in use");
            assertThat(result.err().strip().lines()).hasSize(1);
        }
    }

    record Result(int status, String out, String err) {
    }

    /**
     * Drops logback's own status lines ({@code 16:43:12,096 |-WARN in Logger[...] - No appenders present ...}): the
     * in-JVM Kafka broker of the test shares this JVM and can log while Spring re-initialises logging, which makes
     * logback print such a line to System.err. A fetcher started as its own process has no such neighbour.
     */
    static String withoutLogbackStatus(String err) {
        return err.lines().filter(line -> !line.matches("^\\d{2}:\\d{2}:\\d{2},\\d{3} \\|-.*"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static synchronized Result capture(Callable<Integer> run) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            int status = run.call();
            return new Result(status, outBytes.toString(StandardCharsets.UTF_8),
                    withoutLogbackStatus(errBytes.toString(StandardCharsets.UTF_8)));
        } finally {
            System.setOut(out);
            System.setErr(err);
            out.print(outBytes.toString(StandardCharsets.UTF_8));
            err.print(errBytes.toString(StandardCharsets.UTF_8));
        }
    }
}
