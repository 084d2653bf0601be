package org.peakoningest.embeddedstack.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The state file of a stack ({@code <state dir>/stack.properties}): the PIDs of its processes in start order and its
 * connection strings. {@code ./peakon-ingest stop} and the Kafka tool passthroughs read it.
 */
public final class StackState {

    private static final String PID_PREFIX = "pid.";
    private static final String ORDER = "start.order";

    private final Path file;
    private final Properties properties = new Properties();

    private StackState(Path file) {
        this.file = file;
    }

    /** Reads the file if it exists, else starts empty. */
    public static StackState at(Path file) {
        StackState state = new StackState(file);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                state.properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return state;
    }

    synchronized void recordProcess(String name, long pid) {
        properties.setProperty(PID_PREFIX + name, Long.toString(pid));
        List<String> order = new ArrayList<>(processNames());
        order.remove(name);
        order.add(name);
        properties.setProperty(ORDER, String.join(",", order));
        save();
    }

    synchronized void forgetProcess(String name) {
        properties.remove(PID_PREFIX + name);
        List<String> order = new ArrayList<>(processNames());
        order.remove(name);
        properties.setProperty(ORDER, String.join(",", order));
        save();
    }

    public synchronized void put(String key, String value) {
        properties.setProperty(key, value);
        save();
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(properties.getProperty(key));
    }

    /** Process names in start order. */
    synchronized List<String> processNames() {
        String order = properties.getProperty(ORDER, "");
        return order.isBlank() ? List.of() : List.of(order.split(","));
    }

    /** Recorded processes that are still alive. */
    public synchronized List<ProcessHandle> liveProcesses() {
        List<ProcessHandle> live = new ArrayList<>();
        for (String name : processNames()) {
            Optional.ofNullable(properties.getProperty(PID_PREFIX + name))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(ProcessHandle::isAlive)
                    .filter(StackState::looksLikeOurs)
                    .ifPresent(live::add);
        }
        return live;
    }

    /**
     * Stops every recorded process that is still alive, newest first (SIGTERM, then SIGKILL after {@code grace}),
     * and deletes the file. Returns how many processes were stopped.
     */
    public int stopRecorded(Duration grace, Consumer<String> progress) {
        List<ProcessHandle> live = new ArrayList<>(liveProcesses());
        java.util.Collections.reverse(live);
        for (ProcessHandle handle : live) {
            progress.accept("stopping pid " + handle.pid() + " "
                    + handle.info().commandLine().map(StackState::brief).orElse(""));
            handle.descendants().forEach(ProcessHandle::destroy);
            handle.destroy();
            try {
                handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
        properties.clear();
        return live.size();
    }

    /** Guards against a recycled PID: only JVMs are ours. */
    private static boolean looksLikeOurs(ProcessHandle handle) {
        return handle.info()
                .command()
                .map(command -> command.endsWith("java") || command.endsWith("setsid"))
                .orElse(true);
    }

    private static String brief(String commandLine) {
        return commandLine.length() > 120 ? commandLine.substring(0, 117) + "..." : commandLine;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "peakon-ingest embedded stack: PIDs and connection strings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
