package org.peakoningest.embeddedstack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * One child JVM of the stack (broker, Mongo-wire server, simulator, writer, fetcher): its OS process and the log
 * file its stdout and stderr go to.
 *
 * <p>Readiness is always observed (a log line, a port, a health endpoint), never assumed after a sleep; every wait
 * also watches the process, so a child that dies during start-up fails the wait at once with the tail of its log.
 */
public final class ManagedProcess {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long logStart;
    private volatile boolean suspended;

    /** @param logStart where this process's output starts in the (appended) log file */
    ManagedProcess(String name, Process process, Path logFile, long logStart) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.logStart = logStart;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or empty while the process runs. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new StackFailure(name + " did not finish within " + timeout, this);
        }
        return process.exitValue();
    }

    /** Waits until a line of the log matches {@code pattern}; returns that line. */
    public String awaitLogLine(Pattern pattern, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        long offset = logStart;
        StringBuilder partial = new StringBuilder();
        while (true) {
            // Read what was appended since the last look; the log only grows while the process runs.
            try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
                if (file.length() > offset) {
                    file.seek(offset);
                    byte[] bytes = new byte[(int) Math.min(file.length() - offset, 1 << 20)];
                    file.readFully(bytes);
                    offset += bytes.length;
                    partial.append(new String(bytes, StandardCharsets.UTF_8));
                    int newline;
                    while ((newline = partial.indexOf("\n")) >= 0) {
                        String line = partial.substring(0, newline);
                        partial.delete(0, newline + 1);
                        if (pattern.matcher(line).find()) {
                            return line;
                        }
                    }
                    continue;
                }
            } catch (IOException e) {
                // Not created yet: the child has not written anything.
            }
            checkAliveAndDeadline(deadline, "a log line matching /" + pattern + "/");
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Polls {@code condition} until true; fails if the process dies or the timeout passes. */
    public void awaitCondition(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            checkAliveAndDeadline(deadline, what);
            Thread.sleep(POLL.toMillis());
        }
    }

    private void checkAliveAndDeadline(Instant deadline, String what) {
        if (!process.isAlive()) {
            throw new StackFailure(
                    name + " exited with code " + process.exitValue() + " while waiting for " + what, this);
        }
        if (Instant.now().isAfter(deadline)) {
            throw new StackFailure(name + " did not show " + what + " in time", this);
        }
    }

    /**
     * Stops the process and everything it started: SIGTERM first so it can shut down cleanly, SIGKILL for whatever
     * is left after {@code grace}.
     */
    void stop(Duration grace) {
        if (isSuspended()) {
            // A stopped process only acts on SIGTERM once it runs again.
            try {
                resume();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (StackFailure gone) {
                // it ended meanwhile
            }
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, no grace: what a crash looks like to the rest of the stack. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGSTOP: the process stays alive but runs no more, like a server frozen by a stalled VM, a full disk or a long
     * GC pause. The kernel still accepts connections on its ports; nothing answers them until {@link #resume()}.
     */
    public void suspend() throws InterruptedException {
        signal("STOP");
        suspended = true;
    }

    /** SIGCONT: a {@link #suspend() suspended} process carries on where it stopped. */
    public void resume() throws InterruptedException {
        signal("CONT");
        suspended = false;
    }

    public boolean isSuspended() {
        return suspended && process.isAlive();
    }

    /** Sends a signal Java has no API for, with the system's {@code kill} command. */
    private void signal(String signal) throws InterruptedException {
        if (!process.isAlive()) {
            throw new StackFailure("cannot send SIG" + signal + " to " + name + ": it is not running", this);
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (kill.waitFor() != 0) {
                throw new StackFailure("kill -" + signal + " " + pid() + " failed: " + output, this);
            }
        } catch (IOException e) {
            throw new StackFailure("cannot run kill -" + signal + " " + pid() + ": " + e.getMessage(), this);
        }
    }

    /** The last {@code lines} lines of the log, for error messages. */
    public List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | RuntimeException e) {
            return List.of("(log " + logFile + " unreadable: " + e.getMessage() + ")");
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", log " + logFile + ")";
    }
}
