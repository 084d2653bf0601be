package org.peakoningest.embeddedstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Uuid;
import org.peakoningest.embeddedstack.process.JavaCommand;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.process.Ports;
import org.peakoningest.embeddedstack.process.ProcessSupervisor;
import org.peakoningest.embeddedstack.process.StackFailure;

/**
 * A real Kafka broker as its own JVM, from the Kafka jars Maven copied to {@code tools/embedded-stack/target/kafka-libs}:
 * writes {@code server.properties}, formats the storage once ({@code kafka.tools.StorageTool format --standalone}) with
 * a cluster id of its own, starts {@code kafka.Kafka} and waits until an admin client sees a broker with that cluster
 * id.
 *
 * <p>Why the cluster id: a port free when the launcher checked it can be taken before the broker binds it (a second
 * stack starting at the same moment, any other Kafka). The broker then exits, but until it does, <em>a</em> broker
 * answers on the address: only the cluster id tells this stack's broker from a foreign one. A foreign one is reported
 * as {@link PortTaken}, never waited for or used.
 */
public final class KafkaBroker {

    static final String FORMAT_TOOL = "kafka.tools.StorageTool";
    static final String BROKER_MAIN = "kafka.Kafka";

    private final ProcessSupervisor supervisor;
    private final Path kafkaLibs;
    private final Path directory;
    private final String heap;
    private String clusterId;

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

    /**
     * Starts the broker on the given ports and returns once it serves clients with this broker's cluster id.
     *
     * @throws PortTaken when a port is held by another program (the broker process is stopped by then)
     */
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
        Path meta = config.dataDirectory().resolve("meta.properties");
        if (Files.exists(meta)) {
            clusterId = clusterIdIn(meta);
        } else {
            clusterId = Uuid.randomUuid().toString();
            format(serverProperties, log4j, clusterId, timeout);
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
        String bootstrap = config.bootstrapServers();
        try {
            broker.awaitCondition(
                    "the broker answering on " + bootstrap + " with cluster id " + clusterId,
                    () -> switch (Answer.of(
                            Ports.isListening(brokerPort) ? clusterIdAt(bootstrap) : Optional.empty(), clusterId)) {
                        case OURS -> true;
                        case NOTHING -> false;
                        case FOREIGN -> throw new PortTaken(brokerPort, "another broker answers there");
                    },
                    timeout);
        } catch (PortTaken taken) {
            supervisor.stop(broker);
            throw taken;
        } catch (StackFailure failure) {
            // It exited: a port held by another program is worth another try on other ports; anything else is not.
            if (broker.isAlive() || !failedToBind(broker)) {
                throw failure;
            }
            supervisor.stop(broker);
            throw new PortTaken(brokerPort, "port " + brokerPort + " or " + controllerPort + " is in use");
        }
        return broker;
    }

    /** The cluster id the storage was formatted with: what this stack's broker answers with (after {@link #start}). */
    public String clusterId() {
        return clusterId;
    }

    /** What answered on the broker's address. */
    enum Answer {
        /** nothing (yet): the broker is still starting */
        NOTHING,
        /** this stack's broker */
        OURS,
        /** a broker of another cluster: the port was taken before this stack's broker could bind it */
        FOREIGN;

        static Answer of(Optional<String> answeredClusterId, String ours) {
            return answeredClusterId.map(id -> id.equals(ours) ? OURS : FOREIGN).orElse(NOTHING);
        }
    }

    /** The port was taken by another program before the broker bound it: nothing of this stack answers there. */
    public static final class PortTaken extends RuntimeException {

        private final int port;

        PortTaken(int port, String reason) {
            super("port " + port + " was taken before the broker could bind it (" + reason + ")");
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    /** {@code cluster.id} of a formatted storage's {@code meta.properties}. */
    static String clusterIdIn(Path metaProperties) {
        Properties meta = new Properties();
        try (var in = Files.newBufferedReader(metaProperties, StandardCharsets.UTF_8)) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metaProperties, e);
        }
        String id = meta.getProperty("cluster.id", "").trim();
        if (id.isEmpty()) {
            throw new StackFailure(metaProperties + " names no cluster.id: delete " + metaProperties.getParent()
                    + " (or run without --persist) to start with a new broker");
        }
        return id;
    }

    /** Kafka's words when a listener cannot bind: {@code Socket server failed to bind to …: Address already in use}. */
    private static boolean failedToBind(ManagedProcess broker) {
        return broker.logTail(200).stream().anyMatch(line -> line.contains("Address already in use"));
    }

    private void format(Path serverProperties, Path log4j, String clusterId, Duration timeout)
            throws InterruptedException {
        ManagedProcess format = supervisor.start(command("kafka-format", log4j)
                .withJvmOptions("-Xmx256m")
                .withArguments(
                        FORMAT_TOOL,
                        "format",
                        "--standalone",
                        "-t",
                        clusterId,
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

    /** The cluster id of the broker answering on {@code bootstrap}; empty when nothing answers (yet). */
    static Optional<String> clusterIdAt(String bootstrap) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            DescribeClusterResult cluster = admin.describeCluster();
            if (cluster.nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                return Optional.empty();
            }
            return Optional.ofNullable(cluster.clusterId().get(3, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception notYet) {
            return Optional.empty();
        }
    }
}
