package org.peakoningest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.peakoningest.embeddedstack.process.ManagedProcess;

/**
 * {@code --profile}: a JFR recording (settings=profile) of the fetcher, each writer and the replay (started with
 * {@code -XX:StartFlightRecording}, dumped when the JVM exits) and of the Mongo-wire server (attached with
 * {@code jcmd JFR.start}, dumped with {@code JFR.dump} before the stack stops), then a text summary of each
 * ({@link JfrSummary}) next to the results. Profiled runs are slower: their figures are marked as such.
 */
final class Profiler {

    private final BenchOptions options;
    private final Results results;
    private final Path directory;
    private final List<Path> recordings = new ArrayList<>();

    Profiler(BenchOptions options, Results results) {
        this.options = options;
        this.results = results;
        this.directory = options.resultsDir().resolve("profiles");
    }

    List<String> jvmOptions(String process) {
        if (!options.profile()) {
            return List.of();
        }
        Path file = file(process);
        recordings.add(file);
        return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file);
    }

    /** Starts a recording in an already running JVM (the Mongo-wire server). */
    void attach(ManagedProcess process) {
        if (!options.profile()) {
            return;
        }
        Path file = file(process.name());
        jcmd(process.pid(), "JFR.start", "name=bench", "settings=profile", "filename=" + file);
        recordings.add(file);
    }

    /** Dumps attached recordings of processes still running, then summarises every recording. */
    void finish(List<ManagedProcess> running) {
        if (!options.profile()) {
            return;
        }
        for (ManagedProcess process : running) {
            Path file = file(process.name());
            if (recordings.contains(file) && process.isAlive()) {
                jcmd(process.pid(), "JFR.dump", "name=bench", "filename=" + file);
            }
        }
        for (Path recording : recordings) {
            if (Files.exists(recording)) {
                Path summary = Path.of(recording.toString().replaceAll("\\.jfr$", ".txt"));
                try {
                    Files.writeString(summary, JfrSummary.summarise(recording));
                    results.profile(recording.getFileName().toString(), summary);
                } catch (IOException | RuntimeException e) {
                    results.profile(recording.getFileName().toString(), null);
                    System.err.println("bench: cannot summarise " + recording + ": " + e);
                }
            }
        }
    }

    private Path file(String process) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory.resolve(process + "-" + options.resultsName().substring("bench-".length()) + ".jfr");
    }

    private static void jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                System.err.println("bench: " + String.join(" ", line) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
