package org.peakoningest.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.CommandOutput;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.peakoningest.testsupport.VariableStandIn;

/**
 * Configuration errors end the process with status 2 and one line naming the setting (and a bad value unless it may
 * be a secret), never a stack trace nor Boot's "Application run failed" in the log.
 */
class ConfigurationErrorIT {

    private static final String PASSWORD = "s3cret-never-printed";

    private final String kafka = IntegrationInfrastructure.shared().kafkaBootstrapServers();
    private final String mongo = IntegrationInfrastructure.shared().mongoUri();

    @Test
    void invalidMongoUriIsAConfigurationError() {
        CommandOutput result =
                replay("--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=mongo:/nowhere");
        assertThat(result.configurationError()).startsWith("MONGO_URI is not a valid MongoDB connection string");
    }

    @Test
    void anInvalidMongoUriNeverEchoesItsPassword() {
        for (String uri : List.of(
                "mongodb://alice:" + PASSWORD + "@localhost:notaport/peakon",
                "mongodb://alice:" + PASSWORD + "@localhost/peakon?readPreference=sometimes")) {
            CommandOutput result = replay("--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + uri);
            assertThat(result.configurationError())
                    .as(uri)
                    .startsWith("MONGO_URI is not a valid MongoDB connection string")
                    .doesNotContain(PASSWORD);
            assertThat(result.out()).as("the log").doesNotContain(PASSWORD);
        }
    }

    @Test
    void aWriterSettingThatIsNoNumberIsQuotedAsTheVariableSetsIt() {
        // WRITER_CONCURRENCY=abc in the environment; application.yml maps it with ${WRITER_CONCURRENCY:2}.
        CommandOutput result = VariableStandIn.with(
                "WRITER_CONCURRENCY",
                "abc",
                () -> replay("--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongo));
        assertThat(result.configurationError()).isEqualTo("WRITER_CONCURRENCY has an invalid value 'abc'");
    }

    @Test
    void unreachableMongoNamesMongoUri() {
        CommandOutput result = replay(
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mongodb.uri=mongodb://127.0.0.1:9",
                "--peakon.writer.startup-timeout=2s",
                "--peakon.writer.mongo-timeout=500ms");
        assertThat(result.configurationError()).startsWith("MONGO_URI is not reachable within 2 s");
    }

    @Test
    void unreachableKafkaNamesKafkaBootstrapServers() {
        CommandOutput result = replay(
                "--spring.kafka.bootstrap-servers=127.0.0.1:9",
                "--spring.mongodb.uri=" + mongo,
                "--peakon.writer.startup-timeout=2s");
        assertThat(result.configurationError()).startsWith("KAFKA_BOOTSTRAP_SERVERS is not reachable at 127.0.0.1:9");
    }

    @Test
    void invalidWriterSettingNamesTheEnvironmentVariable() {
        CommandOutput result = replay(
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mongodb.uri=" + mongo,
                "--peakon.writer.concurrency=0");
        assertThat(result.configurationError()).startsWith("WRITER_CONCURRENCY must be greater than or equal to 1");
    }

    @Test
    void aPortInUseNamesWriterHttpPort() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            CommandOutput result = CommandOutput.of(() -> WriterApplication.run(
                    "--spring.kafka.bootstrap-servers=" + kafka,
                    "--spring.mongodb.uri=" + mongo + "/it_configuration_error",
                    "--peakon.writer.auto-startup=false",
                    "--server.port=" + busy.getLocalPort()));
            assertThat(result.configurationError()).startsWith("WRITER_HTTP_PORT is already in use");
        }
    }

    @Test
    void replayWithoutTargetDatabaseIsAUsageError() {
        CommandOutput result = CommandOutput.of(() -> WriterApplication.run("replay"));
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("replay needs --target-db");
    }

    private static CommandOutput replay(String... springArgs) {
        List<String> args = new ArrayList<>(List.of("replay", "--target-db", "it_configuration_error"));
        args.addAll(List.of(springArgs));
        return CommandOutput.of(() -> WriterApplication.run(args.toArray(String[]::new)));
    }
}
