package org.peakoningest.embeddedstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peakoningest.embeddedstack.kafka.KafkaBroker.Answer;
import org.peakoningest.embeddedstack.process.Ports;
import org.peakoningest.embeddedstack.process.StackFailure;

/** The cluster-id check: a stack waits for its own broker and never takes another one for it. */
class KafkaBrokerTest {

    private static final String OURS = "q1Sh-9_ISia_zwGINzRvyQ";

    @TempDir
    Path dir;

    @Test
    void aBrokerAnsweringWithTheStacksClusterIdIsItsOwn() {
        assertThat(Answer.of(Optional.of(OURS), OURS)).isEqualTo(Answer.OURS);
    }

    @Test
    void aBrokerAnsweringWithAnotherClusterIdIsForeign() {
        assertThat(Answer.of(Optional.of("MkU3OEVBNTcwNTJENDM2Qg"), OURS)).isEqualTo(Answer.FOREIGN);
    }

    @Test
    void noAnswerMeansTheBrokerIsStillStarting() {
        assertThat(Answer.of(Optional.empty(), OURS)).isEqualTo(Answer.NOTHING);
    }

    @Test
    void nothingListeningAnswersNoClusterId() {
        int free = new Ports().free();
        assertThat(KafkaBroker.clusterIdAt("127.0.0.1:" + free)).isEmpty();
    }

    @Test
    void keptDataAnswersWithTheClusterIdItWasFormattedWith() throws Exception {
        Path meta = dir.resolve("meta.properties");
        Files.writeString(
                meta, "#\nnode.id=1\ndirectory.id=Dz2pYdqfQdOxX0cb9j1y6A\nversion=1\ncluster.id=" + OURS + "\n");

        assertThat(KafkaBroker.clusterIdIn(meta)).isEqualTo(OURS);
    }

    @Test
    void keptDataWithoutAClusterIdIsReportedInOneLine() throws Exception {
        Path meta = dir.resolve("meta.properties");
        Files.writeString(meta, "node.id=1\nversion=1\n");

        assertThatThrownBy(() -> KafkaBroker.clusterIdIn(meta))
                .isInstanceOf(StackFailure.class)
                .hasMessageContaining("names no cluster.id");
    }

    @Test
    void aTakenPortNamesThePort() {
        KafkaBroker.PortTaken taken = new KafkaBroker.PortTaken(9092, "another broker answers there");
        assertThat(taken.port()).isEqualTo(9092);
        assertThat(taken.getMessage())
                .isEqualTo("port 9092 was taken before the broker could bind it (another broker answers there)");
    }
}
