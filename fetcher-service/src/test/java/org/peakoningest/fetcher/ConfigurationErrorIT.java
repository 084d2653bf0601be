package org.peakoningest.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

    /** Runs {@code ingest} with these overrides (else working settings); returns the one line on stderr. */
    private static String configurationError(String... overrides) {
        Infrastructure infra = IntegrationInfrastructure.shared();
        List<String> args = new ArrayList<>(List.of("ingest"));
        args.addAll(List.of(overrides));
        for (String option : List.of(
                "--peakon.fetcher.app-token=t",
                "--peakon.fetcher.base-url=http://127.0.0.1:9/api/v1",
                "--peakon.fetcher.topic-prefix=it-config.",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infra.mongoUri() + "/it_fetcher_configuration",
                "--spring.mongodb.database=it_fetcher_configuration")) {
            String name = option.substring(0, option.indexOf('=') + 1);
            if (args.stream().noneMatch(a -> a.startsWith(name))) {
                args.add(option);
            }
        }
        CommandOutput result = CommandOutput.of(() -> FetcherApplication.run(args.toArray(String[]::new)));
        assertThat(result.out()).as("the log").doesNotContain(PASSWORD);
        return result.configurationError();
    }
}
