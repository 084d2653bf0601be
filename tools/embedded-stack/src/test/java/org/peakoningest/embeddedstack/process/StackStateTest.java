package org.peakoningest.embeddedstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {

    @Test
    void remembersProcessesInStartOrderAndConnectionStringsAcrossReads(@TempDir Path dir) {
        StackState state = StackState.at(dir.resolve("stack.properties"));
        state.recordProcess("kafka", 101);
        state.recordProcess("mongo", 102);
        state.recordProcess("writer-1", 103);
        state.forgetProcess("mongo");
        state.put("kafka.bootstrap", "127.0.0.1:9092");

        StackState reread = StackState.at(dir.resolve("stack.properties"));
        assertThat(reread.processNames()).containsExactly("kafka", "writer-1");
        assertThat(reread.get("kafka.bootstrap")).contains("127.0.0.1:9092");
    }

    @Test
    void stopRecordedStopsLiveProcessesAndRemovesTheFile(@TempDir Path dir) throws Exception {
        Process sleeper = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx32m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Sleeper.class.getName())
                .start();
        StackState state = StackState.at(dir.resolve("stack.properties"));
        state.recordProcess("sleeper", sleeper.pid());
        state.recordProcess("gone", Long.MAX_VALUE / 2);
        assertThat(state.liveProcesses()).extracting(ProcessHandle::pid).containsExactly(sleeper.pid());

        List<String> messages = new ArrayList<>();
        int stopped =
                StackState.at(dir.resolve("stack.properties")).stopRecorded(Duration.ofSeconds(10), messages::add);

        assertThat(stopped).isEqualTo(1);
        assertThat(sleeper.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("stack.properties")).doesNotExist();
        assertThat(messages).singleElement().asString().contains("stopping pid " + sleeper.pid());
    }

    /** A JVM that waits to be stopped. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(120_000);
        }
    }
}
