package org.peakoningest.embeddedstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Starts the stack's child processes, remembers them in start order and stops them in reverse order (the fetcher
 * and the writers before the broker and Mongo they talk to). A process started again under the name of an earlier
 * one (a broker restarted after a crash, a writer after a kill) keeps the place of the first: a broker restarted
 * after the writers is still stopped after them.
 *
 * <p>Each child runs in its own session ({@code setsid}, when the system has it), so a Ctrl-C in the terminal reaches
 * only the launcher, whose shutdown hook then stops the children in order, and a stack left running survives the
 * terminal being closed. Every start is recorded in the {@link StackState} file, so {@code ./peakon-ingest stop} can
 * clean up even after the launcher itself was killed.
 */
public final class ProcessSupervisor implements AutoCloseable {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path logDirectory;
    private final StackState state;
    private final Consumer<String> progress;
    private final List<ManagedProcess> running = Collections.synchronizedList(new ArrayList<>());
    /** Per name, its place in the stop order: the order in which the names were first started. */
    private final Map<String, Integer> places = new ConcurrentHashMap<>();

    private volatile boolean released;

    public ProcessSupervisor(Path logDirectory, StackState state, Consumer<String> progress) {
        this.logDirectory = logDirectory;
        this.state = state;
        this.progress = progress;
    }

    /**
     * Starts {@code command} with stdout and stderr appended to {@code <log dir>/<name>.log} (appended, so a
     * restarted writer keeps the log of the one that crashed).
     */
    public ManagedProcess start(JavaCommand command) {
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(command.name() + ".log");
            Files.writeString(
                    log,
                    "---- " + java.time.Instant.now() + " starting " + command.name() + "\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            List<String> commandLine = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                commandLine.add(SETSID.toString());
            }
            commandLine.addAll(command.commandLine());
            ProcessBuilder builder = new ProcessBuilder(commandLine)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(command.environment());
            long logStart = Files.size(log);
            ManagedProcess process = new ManagedProcess(command.name(), builder.start(), log, logStart);
            places.putIfAbsent(command.name(), places.size());
            running.add(process);
            state.recordProcess(command.name(), process.pid());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.name(), e);
        }
    }

    /** Stops one process (e.g. a writer, to restart it) and forgets it. */
    public void stop(ManagedProcess process) {
        process.stop(STOP_GRACE);
        running.remove(process);
        state.forgetProcess(process.name());
    }

    /** Stops every running child, newest first (by the place of its name, see the class comment). */
    private void stopAll() {
        List<ManagedProcess> newestFirst;
        synchronized (running) {
            newestFirst = new ArrayList<>(running);
        }
        Collections.reverse(newestFirst);
        // Stable: processes of the same name stay newest first.
        newestFirst.sort(
                Comparator.comparing((ManagedProcess p) -> places.get(p.name())).reversed());
        for (ManagedProcess process : newestFirst) {
            if (process.isAlive()) {
                progress.accept("stopping " + process.name() + " (pid " + process.pid() + ")");
            }
            stop(process);
        }
    }

    /** Leaves the children running after the launcher exits ({@code --keep-running}). */
    public void release() {
        released = true;
    }

    /** Stops everything unless {@link #release() released}; safe to call twice (shutdown hook and normal exit). */
    @Override
    public void close() {
        if (!released) {
            stopAll();
        }
    }

    public List<ManagedProcess> running() {
        synchronized (running) {
            return List.copyOf(running);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
