package org.peakoningest.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.IntegrationInfrastructure;

/** Configuration errors end the process with status 2 and one line naming the setting. */
class ConfigurationErrorIT {

    private final String kafka = IntegrationInfrastructure.shared().kafkaBootstrapServers();
    private final String mongo = IntegrationInfrastructure.shared().mongoUri();

    @Test
    void invalidMongoUriIsAConfigurationError() {
        Result result = run("--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=mongo:/nowhere");
        assertThat(result.status).isEqualTo(2);
        assertThat(result.lastLine()).startsWith("MONGO_URI is not a valid MongoDB connection string");
    }

    @Test
    void unreachableMongoNamesMongoUri() {
        Result result = run("--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=mongodb://127.0.0.1:9",
                "--peakon.writer.startup-timeout=2s", "--peakon.writer.mongo-timeout=500ms");
        assertThat(result.status).isEqualTo(2);
        assertThat(result.lastLine()).startsWith("MONGO_URI is not reachable within 2 s");
    }

    @Test
    void unreachableKafkaNamesKafkaBootstrapServers() {
        Result result = run("--spring.kafka.bootstrap-servers=127.0.0.1:9", "--spring.mongodb.uri=" + mongo,
                "--peakon.writer.startup-timeout=2s");
        assertThat(result.status).isEqualTo(2);
        assertThat(result.lastLine()).startsWith("KAFKA_BOOTSTRAP_SERVERS is not reachable at 127.0.0.1:9");
    }

    @Test
    void invalidWriterSettingNamesTheEnvironmentVariable() {
        Result result = run("--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongo,
                "--peakon.writer.concurrency=0");
        assertThat(result.status).isEqualTo(2);
        assertThat(result.lastLine()).startsWith("WRITER_CONCURRENCY must be greater than or equal to 1");
    }

    @Test
    void aPortInUseNamesWriterHttpPort() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            Result result = capture(() -> WriterApplication.run("--spring.kafka.bootstrap-servers=" + kafka,
                    "--spring.mongodb.uri=" + mongo + "/it_configuration_error", "--peakon.writer.auto-startup=false",
                    "--server.port=" + busy.getLocalPort()));
            assertThat(result.status).isEqualTo(2);
            assertThat(result.lastLine()).startsWith("WRITER_HTTP_PORT is already in use");
        }
    }

    @Test
    void replayWithoutTargetDatabaseIsAUsageError() {
        Result result = capture(() -> WriterApplication.run("replay"));
        assertThat(result.status).isEqualTo(2);
        assertThat(result.stderr).contains("replay needs --target-db");
    }

    private static Result run(String... springArgs) {
        List<String> args = new ArrayList<>(List.of("replay", "--target-db", "it_configuration_error"));
        args.addAll(List.of(springArgs));
        return capture(() -> WriterApplication.run(args.toArray(String[]::new)));
    }

    private static Result capture(java.util.function.IntSupplier action) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = action.getAsInt();
            return new Result(status, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private record Result(int status, String stderr) {
        String lastLine() {
            String[] lines = stderr.strip().split("\n");
            return lines[lines.length - 1];
        }
    }
}
