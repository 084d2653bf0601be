package org.peakoningest.embeddedstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.peakoningest.embeddedstack.process.JavaCommand;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.process.Ports;
import org.peakoningest.embeddedstack.process.ProcessSupervisor;
import org.peakoningest.embeddedstack.process.StackFailure;

/**
 * A real Kafka broker as its own JVM, from the Kafka jars Maven copied to {@code tools/embedded-stack/target/kafka-libs}:
 * writes {@code server.properties}, formats the storage once ({@code kafka.tools.StorageTool format --standalone}),
 * starts {@code kafka.Kafka} and waits until an admin client sees the broker.
 */
public final class KafkaBroker {

    static final String FORMAT_TOOL = "kafka.tools.StorageTool";
    static final String BROKER_MAIN = "kafka.Kafka";

    private final ProcessSupervisor supervisor;
    private final Path kafkaLibs;
    private final Path directory;
    private final String heap;

    /**
     * @param kafkaLibs the directory of Kafka jars
     * @param directory the broker's state directory (config files and {@code data/})
     * @param heap      {@code -Xmx} value, e.g. {@code 1g}
     */
    public KafkaBroker(ProcessSupervisor supervisor, Path kafkaLibs, Path directory, String heap) {
        this.supervisor = supervisor;
        this.kafkaLibs = kafkaLibs;
        this.directory = directory;
        this.heap = heap;
    }

    /** The classpath of the Kafka jars, for the broker and for Kafka's command-line tools. */
    public static String classpath(Path kafkaLibs) {
        if (!Files.isDirectory(kafkaLibs)) {
            throw new StackFailure("Kafka jars not found in " + kafkaLibs
                    + ": run `mvn -B -DskipTests package -pl tools/embedded-stack -am` (or ./peakon-ingest)");
        }
        return kafkaLibs.toAbsolutePath() + "/*";
    }

    /** Starts the broker on the given ports and returns once it serves clients. */
    public ManagedProcess start(int brokerPort, int controllerPort, Duration timeout) throws InterruptedException {
        KafkaServerConfig config = new KafkaServerConfig(brokerPort, controllerPort, directory.resolve("data"));
        Path serverProperties = directory.resolve("server.properties");
        Path log4j = directory.resolve("log4j2.properties");
        try {
            Files.createDirectories(config.dataDirectory());
            Files.writeString(serverProperties, config.render(), StandardCharsets.UTF_8);
            Files.writeString(log4j, KafkaServerConfig.log4j2Properties(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka configuration into " + directory, e);
        }
        if (!Files.exists(config.dataDirectory().resolve("meta.properties"))) {
            format(serverProperties, log4j, timeout);
        }
        // C1 only (-XX:TieredStopAtLevel=1), like the embedded services: the broker lives for one run here, and its
        // C2 warm-up under the first crawl's load cost ~3.6 CPU s of 5.7 at 200k answers (tools/bench/run, per thread).
        ManagedProcess broker = supervisor.start(command("kafka", log4j)
                .withJvmOptions(
                        "-Xms256m",
                        "-Xmx" + heap,
                        "-XX:+UseG1GC",
                        "-XX:MaxGCPauseMillis=20",
                        "-XX:TieredStopAtLevel=1",
                        "-Djava.awt.headless=true",
                        "-Dkafka.logs.dir=" + directory.toAbsolutePath())
                .withArguments(BROKER_MAIN, serverProperties.toAbsolutePath().toString()));
        broker.awaitCondition(
                "the broker answering on " + config.bootstrapServers(),
                () -> Ports.isListening(brokerPort) && answers(config.bootstrapServers()),
                timeout);
        return broker;
    }

    private void format(Path serverProperties, Path log4j, Duration timeout) throws InterruptedException {
        ManagedProcess format = supervisor.start(command("kafka-format", log4j)
                .withJvmOptions("-Xmx256m")
                .withArguments(
                        FORMAT_TOOL,
                        "format",
                        "--standalone",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        serverProperties.toAbsolutePath().toString()));
        int exit = format.awaitExit(timeout);
        supervisor.stop(format);
        if (exit != 0) {
            throw new StackFailure("formatting the Kafka storage failed (exit " + exit + ")", format);
        }
    }

    private JavaCommand command(String name, Path log4j) {
        // The main class is the first argument, so one command shape serves the broker and the format tool.
        return new JavaCommand(
                name,
                java.util.List.of("-Dlog4j2.configurationFile=" + log4j.toAbsolutePath()),
                java.util.List.of("-cp", classpath(kafkaLibs)),
                java.util.List.of(),
                Map.of());
    }

    /** True when a broker on {@code bootstrap} answers a metadata request. */
    static boolean answers(String bootstrap) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }
}
