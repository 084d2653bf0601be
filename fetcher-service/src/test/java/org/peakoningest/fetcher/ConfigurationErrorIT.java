package org.peakoningest.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.CommandOutput;
import org.peakoningest.testsupport.Infrastructure;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.peakoningest.testsupport.VariableStandIn;

/**
 * The fetcher as an operator starts it ({@link FetcherApplication#run}): a configuration error is status 2 and one
 * line on stderr naming the environment variable and the bad value, never a stack trace (nor Boot's "Application run
 * failed" in the log), never a password. The one-line errors of the start-up checks are in FetcherApplicationIT.
 */
class ConfigurationErrorIT {

    private static final String PASSWORD = "s3cret-never-printed";

    @Test
    void anInvalidMongoUriIsOneLineNamingMongoUri() {
        assertThat(configurationError("--spring.mongodb.uri=mongo:/nowhere"))
                .startsWith("MONGO_URI is not a valid MongoDB connection string");
    }

    @Test
    void anInvalidMongoUriNeverEchoesItsPassword() {
        for (String uri : List.of(
                "mongodb://alice:" + PASSWORD + "@localhost:notaport/peakon",
                "mongodb://alice:" + PASSWORD + "@localhost/peakon?readPreference=sometimes",
                "mongodb://alice:" + PASSWORD + "@localhost/peakon?authSource")) {
            assertThat(configurationError("--spring.mongodb.uri=" + uri))
                    .as(uri)
                    .startsWith("MONGO_URI is not a valid MongoDB connection string")
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void aPageSizeThatIsNoNumberIsQuotedAsTheVariableSetsIt() {
        // PEAKON_PER_PAGE=abc in the environment; application.yml maps it with ${PEAKON_PER_PAGE:10000}.
        assertThat(VariableStandIn.with("PEAKON_PER_PAGE", "abc", () -> configurationError()))
                .isEqualTo("PEAKON_PER_PAGE has an invalid value 'abc'");
    }

    @Test
    void aSettingThatIsNoNumberIsQuotedAsGivenOnTheCommandLine() {
        assertThat(configurationError("--peakon.fetcher.per-page=abc"))
                .isEqualTo("PEAKON_PER_PAGE has an invalid value 'abc'");
    }

    @Test
    void aLogLevelThatIsNoLevelNamesLogLevel() {
        // Bound while logging starts, before there is a context (Boot gives the analyzer no environment then).
        assertThat(VariableStandIn.with("LOG_LEVEL", "chatty", () -> configurationError()))
                .isEqualTo("LOG_LEVEL has an invalid value 'chatty'");
    }

    // ------------------------------------------------------------------- no Peakon settings: no crawl of anything

    @Test
    void theDaemonWithoutTokenAndUrlStopsWithOneLineNamingBoth() {
        // As compose starts it from a .env that leaves them empty; nothing defaults them (to the simulator or else).
        String line = withoutPeakon(() -> configurationError(false, "daemon", "--server.port=0"));
        assertThat(line)
                .contains("PEAKON_BASE_URL is required", "PEAKON_APP_TOKEN is required")
                .matches("PEAKON_\\w+ is required; PEAKON_\\w+ is required");
    }

    @Test
    void ingestWithoutTheTokenIsOneLineNamingIt() {
        assertThat(withoutPeakon(() -> configurationError(
                        false, "ingest", "--peakon.fetcher.base-url=https://example.peakon.com/api/v1")))
                .isEqualTo("PEAKON_APP_TOKEN is required");
    }

    @Test
    void ingestWithoutTheUrlIsOneLineNamingIt() {
        // No fallback to the company the project started with: the URL names whose data is crawled.
        assertThat(withoutPeakon(() -> configurationError(false, "ingest", "--peakon.fetcher.app-token=t")))
                .isEqualTo("PEAKON_BASE_URL is required");
    }

    @Test
    void theJarWithoutPeakonSettingsExitsTwoWithOneLineBeforeTouchingAnything() throws Exception {
        Infrastructure infra = IntegrationInfrastructure.shared();
        Path jar = Path.of("target", "fetcher-service-0.1.0-SNAPSHOT.jar");
        assertThat(jar).exists();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-jar",
                jar.toString(),
                "daemon");
        // The container's environment: no PEAKON_* at all, working Kafka and Mongo.
        builder.environment().keySet().removeIf(name -> name.startsWith("PEAKON_"));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        builder.environment().put("KAFKA_TOPIC_PREFIX", "it-config-jar.");
        builder.environment().put("MONGO_URI", infra.mongoUri());
        builder.environment().put("MONGO_DB", "it_fetcher_configuration_jar");
        builder.environment().put("FETCHER_HTTP_PORT", "0");
        Path out = Files.createTempFile("fetcher-no-peakon", ".out");
        Path err = Files.createTempFile("fetcher-no-peakon", ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process fetcher = builder.start();
        try {
            assertThat(fetcher.waitFor(180, TimeUnit.SECONDS))
                    .as("stops by itself")
                    .isTrue();
        } finally {
            fetcher.destroyForcibly();
        }
        String stderr = Files.readString(err).strip();
        System.out.println(Files.readString(out) + stderr);
        assertThat(fetcher.exitValue()).isEqualTo(2);
        assertThat(stderr.lines()).hasSize(1);
        assertThat(stderr).contains("PEAKON_BASE_URL is required", "PEAKON_APP_TOKEN is required");
        assertThat(Files.readString(out)).doesNotContainPattern("(?m)^\\s+at [\\w$.]+\\(");
    }

    @Test
    void kafkaSecuritySettingsApplyToTheStartUpCheckAndItsSecretIsNeverPrinted() {
        // SASL against the test broker's PLAINTEXT listener: the start-up check itself fails, with the client settings
        // the service uses (a check that spoke PLAINTEXT to a managed Kafka's SASL_SSL listener would never succeed).
        String line = configurationError(
                "--spring.kafka.security.protocol=SASL_PLAINTEXT",
                "--spring.kafka.properties.sasl.mechanism=PLAIN",
                "--spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                        + " required username=\"peakon\" password=\"" + PASSWORD + "\";");
        assertThat(line).startsWith("KAFKA_BOOTSTRAP_SERVERS is unreachable").doesNotContain(PASSWORD);
    }

    private static String withoutPeakon(Supplier<String> action) {
        // Stand-ins win over a developer's own exported PEAKON_* (system properties come before the environment).
        return VariableStandIn.with("PEAKON_APP_TOKEN", "", () -> VariableStandIn.with("PEAKON_BASE_URL", "", action));
    }

    /** Runs {@code ingest} with these overrides (else working settings); returns the one line on stderr. */
    private static String configurationError(String... overrides) {
        return configurationError(true, "ingest", overrides);
    }

    /**
     * Runs {@code command} with these overrides, else working settings (Peakon's only with {@code peakon}); returns
     * the one line on stderr.
     */
    private static String configurationError(boolean peakon, String command, String... overrides) {
        Infrastructure infra = IntegrationInfrastructure.shared();
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(overrides));
        List<String> defaults = new ArrayList<>();
        if (peakon) {
            defaults.addAll(
                    List.of("--peakon.fetcher.app-token=t", "--peakon.fetcher.base-url=http://127.0.0.1:9/api/v1"));
        }
        defaults.addAll(List.of(
                "--peakon.fetcher.topic-prefix=it-config.",
                "--peakon.fetcher.run-on-start=false",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infra.mongoUri() + "/it_fetcher_configuration",
                "--spring.mongodb.database=it_fetcher_configuration"));
        for (String option : defaults) {
            String name = option.substring(0, option.indexOf('=') + 1);
            if (args.stream().noneMatch(a -> a.startsWith(name))) {
                args.add(option);
            }
        }
        CommandOutput result = CommandOutput.of(() -> FetcherApplication.run(args.toArray(String[]::new)));
        assertThat(result.out()).as("the log").doesNotContain(PASSWORD);
        assertThat(result.err()).as("stderr").doesNotContain(PASSWORD);
        return result.configurationError();
    }
}
