package org.peakoningest.embeddedstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freezing a child of the stack the way the fault-injection tests do (a Mongo server that stops answering). Linux:
 * the state is read from {@code /proc}.
 */
@EnabledOnOs(OS.LINUX)
class ManagedProcessTest {

    @TempDir
    Path logs;

    @Test
    void aSuspendedProcessIsStoppedButAliveAndCarriesOnWhenResumed() throws Exception {
        ManagedProcess sleeper = start("sleep", "60");
        try {
            sleeper.suspend();
            assertThat(sleeper.isAlive()).isTrue();
            assertThat(sleeper.isSuspended()).isTrue();
            // The signal is delivered asynchronously: the state changes a moment after kill returns.
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(schedulerState(sleeper))
                            .as("state in /proc/<pid>/stat")
                            .isEqualTo('T'));

            sleeper.resume();
            assertThat(sleeper.isSuspended()).isFalse();
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(schedulerState(sleeper)).isIn('S', 'R'));
        } finally {
            sleeper.kill();
        }
        assertThat(sleeper.isAlive()).isFalse();
    }

    @Test
    void stoppingASuspendedProcessDoesNotWaitOutTheGracePeriod() throws Exception {
        // Without a SIGCONT first, the SIGTERM would stay pending and only the SIGKILL after the grace would end it.
        ManagedProcess sleeper = start("sleep", "60");
        sleeper.suspend();
        long started = System.nanoTime();

        sleeper.stop(Duration.ofSeconds(30));

        assertThat(sleeper.isAlive()).isFalse();
        assertThat(sleeper.exitCode()).as("ended by SIGTERM, not SIGKILL").contains(128 + 15);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aProcessThatEndedCannotBeSuspended() throws Exception {
        ManagedProcess done = start("true");
        done.awaitExit(Duration.ofSeconds(10));

        assertThatThrownBy(done::suspend).isInstanceOf(StackFailure.class).hasMessageContaining("not running");
    }

    private ManagedProcess start(String... command) throws Exception {
        Path log = logs.resolve(command[0] + ".log");
        Files.createFile(log);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ManagedProcess(command[0], process, log, 0);
    }

    /** The third field of /proc/<pid>/stat: R running, S sleeping, T stopped by a signal. */
    private static char schedulerState(ManagedProcess process) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
    }
}
