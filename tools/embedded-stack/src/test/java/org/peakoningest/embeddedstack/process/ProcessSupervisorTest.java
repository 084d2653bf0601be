package org.peakoningest.embeddedstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order in which the stack's children are stopped. */
class ProcessSupervisorTest {

    @TempDir
    Path state;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void aBrokerRestartedAfterTheWritersIsStillStoppedAfterThem() throws Exception {
        ManagedProcess writer;
        ManagedProcess restarted;
        ManagedProcess fetcher;
        StackState stackState = StackState.at(state.resolve("stack.properties"));
        try (ProcessSupervisor supervisor = new ProcessSupervisor(state.resolve("logs"), stackState, progress::add)) {
            ManagedProcess kafka = supervisor.start(idle("kafka"));
            writer = supervisor.start(idle("writer-1"));
            // The broker crashes and comes back: the newest process now, but the writers still need it to stop.
            kafka.kill();
            supervisor.stop(kafka);
            restarted = supervisor.start(idle("kafka"));
            fetcher = supervisor.start(idle("fetcher"));
            assertThat(supervisor.running()).containsExactly(writer, restarted, fetcher);
        }

        assertThat(progress)
                .containsExactly(
                        "stopping " + fetcher.name() + " (pid " + fetcher.pid() + ")",
                        "stopping " + writer.name() + " (pid " + writer.pid() + ")",
                        "stopping " + restarted.name() + " (pid " + restarted.pid() + ")");
        assertThat(List.of(writer, restarted, fetcher)).noneMatch(ManagedProcess::isAlive);
    }

    /** A child JVM that only waits to be stopped. */
    private static JavaCommand idle(String name) {
        return JavaCommand.mainClass(name, System.getProperty("java.class.path"), Idle.class.getName())
                .withJvmOptions("-Xmx16m", "-XX:TieredStopAtLevel=1");
    }

    /** The main class of {@link #idle}. */
    public static final class Idle {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(120_000);
        }
    }
}
