package org.peakoningest.embeddedstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.process.StackFailure;
import org.peakoningest.embeddedstack.process.StackState;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import org.peakoningest.embeddedstack.stack.StackLayout;
import org.peakoningest.embeddedstack.summary.IngestSummary;
import org.peakoningest.embeddedstack.summary.MongoInspector;
import org.peakoningest.embeddedstack.summary.RunRecord;

/**
 * {@code ./peakon-ingest run}: start the stack, run one ingest, wait until the writers landed it, print the summary,
 * stop (or leave running). Reads top to bottom like the recipe it is.
 */
final class IngestCommand {

    /** Fetcher exit codes that mean "nothing to wait for" (see the fetcher's CLI contract). */
    static final int FETCHER_CONFIG_ERROR = 2;

    static final int FETCHER_LOCK_HELD = 75;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration FAILED_RUN_LANDING_TIMEOUT = Duration.ofMinutes(2);

    private final StackLayout layout;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final Instant started = Instant.now();
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private Instant phaseStart = started;

    IngestCommand(StackLayout layout, Map<String, String> environment, PrintStream out) {
        this.layout = layout;
        this.environment = environment;
        this.out = out;
    }

    int run(RunOptions options) throws InterruptedException {
        try (StartLock lock = StartLock.take(layout)) {
            refuseIfAStackIsRunning();
            return runStack(options);
        }
    }

    private int runStack(RunOptions options) throws InterruptedException {
        // Kafka's data (topics, writer offsets) is kept only together with Mongo's: a memory Mongo, or a first
        // --persist run, starts empty, so Kafka must too, or Mongo would stop being a projection of the topics.
        if (!options.persist() || !java.nio.file.Files.exists(layout.mongoH2File())) {
            StackLayout.deleteRecursively(layout.kafkaDirectory());
            StackLayout.deleteRecursively(layout.mongoDirectory());
        }
        // Logs are per run.
        StackLayout.deleteRecursively(layout.logs());
        EmbeddedStack stack = new EmbeddedStack(layout, environment, this::progress);
        Thread hook = new Thread(stack::close, "embedded-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.startKafka(9092);
            stack.startMongo(
                    27017,
                    options.persist() ? layout.mongoH2File() : null,
                    options.keepRunning() ? null : ProcessHandle.current().pid());
            if (crawlsRealPeakon()) {
                stack.useRealPeakon();
            } else {
                stack.startSimulator(options.answers(), options.employees());
            }
            stack.startWriters(java.util.stream.IntStream.rangeClosed(1, options.writers())
                    .boxed()
                    .toList());
            phase("start-up");

            IngestSummary summary;
            try (MongoInspector mongo = new MongoInspector(stack.mongoUri(), stack.mongoDatabase())) {
                Set<String> runsBefore = mongo.runIds();
                ManagedProcess fetcher = stack.startIngest(options.fullSync(), "fetcher");
                int exit = fetcher.awaitExit(options.timeout());
                phase("ingest");
                progress("fetcher finished with exit code " + exit);
                if (exit == FETCHER_CONFIG_ERROR || exit == FETCHER_LOCK_HELD) {
                    throw new StackFailure("the fetcher could not run (exit " + exit + ")", fetcher);
                }
                // After a failed or partial fetch, what was published still lands, but do not wait an hour for it.
                Duration landingTimeout = exit == 0 ? options.timeout() : FAILED_RUN_LANDING_TIMEOUT;
                Optional<RunRecord> run = awaitLanding(mongo, runsBefore, stack, landingTimeout);
                phase("landing after the fetcher finished");
                summary = new IngestSummary(
                        run, mongo.documentCounts(), exit, Duration.between(started, Instant.now()), phases);
            }
            out.println(summary.render());
            if (options.keepRunning()) {
                // The browse UI only makes sense on a stack that stays up: started after the summary.
                EmbeddedStack.BrowseAccess browse = stack.startBrowse();
                stack.supervisor().release();
                printKeepRunningHelp(stack, browse);
            } else {
                Instant stopStart = Instant.now();
                stack.close();
                progress("stopped every process in "
                        + IngestSummary.duration(Duration.between(stopStart, Instant.now())));
            }
            if (!summary.successful()) {
                out.println(summary.verdict() + ": see the logs in " + layout.logs());
            }
            return summary.successful() ? 0 : 1;
        } catch (InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running already.
            }
        }
    }

    /**
     * Waits until the writer has decided this run's {@code landing_status}: {@code complete}, or {@code nothing} (a
     * failed run that published nothing from Peakon: it never becomes complete), or {@code superseded}. Fails if every
     * writer died; on timeout returns what is there, so the summary shows how far it got.
     */
    private Optional<RunRecord> awaitLanding(
            MongoInspector mongo, Set<String> runsBefore, EmbeddedStack stack, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
        Optional<RunRecord> run = mongo.newRun(runsBefore);
        while (run.map(r -> !r.landingDecided()).orElse(true)) {
            List<ManagedProcess> writers = stack.writers();
            if (writers.stream().noneMatch(ManagedProcess::isAlive)) {
                throw new StackFailure("every writer has exited before the run landed", writers.get(0));
            }
            if (Instant.now().isAfter(deadline)) {
                progress("gave up waiting for the landing after " + timeout + "; logs: " + layout.logs());
                return run;
            }
            if (Instant.now().isAfter(nextProgress)) {
                progress("waiting for the writers to land the run: " + landingProgress(run));
                nextProgress = Instant.now().plus(PROGRESS_EVERY);
            }
            Thread.sleep(250);
            run = mongo.newRun(runsBefore);
        }
        return run;
    }

    static String landingProgress(Optional<RunRecord> run) {
        if (run.isEmpty()) {
            return "no ingestion_runs document yet";
        }
        long published = 0;
        long landed = 0;
        for (PeakonCollection collection : PeakonCollection.values()) {
            published += run.get().published(collection.collectionName()).orElse(0L);
            landed += run.get().landed(collection.collectionName()).orElse(0L);
        }
        return String.format(
                "%,d of %,d published records landed (landing_status: %s)",
                landed, published, run.get().landingStatus().orElse("unknown"));
    }

    private void printKeepRunningHelp(EmbeddedStack stack, EmbeddedStack.BrowseAccess browse) {
        String topic = stack.topics().dataTopic(PeakonCollection.ANSWERS_EXPORT);
        out.println();
        out.println("The stack keeps running (state: " + layout.stateFile() + ", logs: " + layout.logs() + ").");
        out.println("  Kafka bootstrap:  " + stack.bootstrapServers());
        out.println("  Mongo URI:        " + stack.mongoUri() + "/" + stack.mongoDatabase());
        stack.simulatorUrl()
                .ifPresent(url -> out.println(
                        "  Simulator:        " + url + "  (app token " + EmbeddedStack.SIMULATOR_APP_TOKEN + ")"));
        out.println("  Browse UI + API:  " + browse.url()
                + browse.generatedToken()
                        .map(token -> "  (bearer token, shown once: " + token + ")")
                        .orElse("  (with your BROWSE_USERS / BROWSE_TOKEN credentials)"));
        out.println("Read a topic:");
        out.println("  ./peakon-ingest kafka-console-consumer --topic " + topic
                + " --from-beginning --property print.key=true");
        out.println("  kcat -b " + stack.bootstrapServers() + " -t " + topic + " -C -e");
        out.println("Stop everything:");
        out.println("  ./peakon-ingest stop");
    }

    /**
     * One {@code run} at a time per state directory, held for the whole run: two started at the same moment would both
     * find no live process in the state file and then share (and delete) the same Kafka data, logs and state file. An
     * OS file lock, so it is gone with the process however it ends.
     */
    private record StartLock(FileChannel channel) implements AutoCloseable {

        static StartLock take(StackLayout layout) {
            Path file = layout.stateDirectory().resolve("run.lock");
            try {
                Files.createDirectories(layout.stateDirectory());
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                boolean taken;
                try {
                    taken = channel.tryLock() != null;
                } catch (OverlappingFileLockException heldHere) {
                    taken = false;
                }
                if (!taken) {
                    channel.close();
                    throw new StackFailure("another ./peakon-ingest run is using " + layout.stateDirectory()
                            + ": wait for it, or give this one its own state directory (PEAKON_EMBEDDED_HOME)");
                }
                return new StartLock(channel);
            } catch (IOException e) {
                throw new StackFailure("cannot lock " + file + ": " + e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; the process's end would too
            }
        }
    }

    private void refuseIfAStackIsRunning() {
        var state = StackState.at(layout.stateFile());
        if (!state.liveProcesses().isEmpty()) {
            throw new StackFailure("a stack is already running from " + layout.stateDirectory()
                    + " (pids "
                    + state.liveProcesses().stream()
                            .map(p -> Long.toString(p.pid()))
                            .toList()
                    + "): stop it with ./peakon-ingest stop");
        }
    }

    private boolean crawlsRealPeakon() {
        return !environment.getOrDefault("PEAKON_APP_TOKEN", "").isBlank()
                && !environment.getOrDefault("PEAKON_BASE_URL", "").isBlank();
    }

    private void phase(String name) {
        Instant now = Instant.now();
        phases.put(name, Duration.between(phaseStart, now));
        phaseStart = now;
    }

    private void progress(String message) {
        out.printf("[%6.1fs] %s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0, message);
    }
}
