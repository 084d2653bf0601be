package org.peakoningest.embeddedstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerConfigTest {

    private final KafkaServerConfig config = new KafkaServerConfig(9092, 40123, Path.of("/tmp/peakon/kafka/data"));

    @Test
    void isASingleNodeKraftCombinedBrokerOnLoopback() throws Exception {
        Properties p = load();

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("node.id")).isEqualTo("1");
        assertThat(p.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:40123");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:40123");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(p.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(p.getProperty("log.dirs"))
                .isEqualTo(Path.of("/tmp/peakon/kafka/data").toAbsolutePath().toString());
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void internalTopicsFitOneBroker() throws Exception {
        Properties p = load();

        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(p.getProperty("share.coordinator.state.topic.replication.factor"))
                .isEqualTo("1");
    }

    @Test
    void topicsAreNeverAutoCreatedWithBrokerDefaults() throws Exception {
        // A writer subscribing before the fetcher created the compacted topics must not create uncompacted ones.
        assertThat(load().getProperty("auto.create.topics.enable")).isEqualTo("false");
    }

    @Test
    void log4jConfigurationSendsEverythingToStdout() {
        assertThat(KafkaServerConfig.log4j2Properties())
                .contains("appender.out.type = Console")
                .contains("rootLogger.appenderRef.out.ref = STDOUT");
    }

    private Properties load() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(config.render()));
        return p;
    }
}
