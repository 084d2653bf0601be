package org.peakoningest.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peakoningest.embeddedstack.process.JavaCommand;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.process.Ports;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;

/**
 * Starts the services as the embedded stack does (own JVM, G1, {@code -Xmx}, the compose environment variables),
 * through the stack's {@code ProcessSupervisor} so they are stopped with it, but with the bench's own heap, database,
 * batch and JFR settings, which {@code EmbeddedStack.startWriter/startIngest} do not take. Every process is watched
 * by the RSS sampler from its start.
 */
final class ServiceLauncher {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final EmbeddedStack stack;
    private final Ports ports;
    private final BenchOptions options;
    private final Path writerJar;
    private final Path fetcherJar;
    private final RssSampler rss;
    private final Profiler profiler;

    ServiceLauncher(
            EmbeddedStack stack,
            Ports ports,
            BenchOptions options,
            Path writerJar,
            Path fetcherJar,
            RssSampler rss,
            Profiler profiler) {
        this.stack = stack;
        this.ports = ports;
        this.options = options;
        this.writerJar = writerJar;
        this.fetcherJar = fetcherJar;
        this.rss = rss;
        this.profiler = profiler;
    }

    ManagedProcess startWriter(int index, String database) throws InterruptedException {
        String name = "writer-" + index;
        int port = ports.free();
        Map<String, String> env = infrastructure(database);
        env.put("WRITER_GROUP_ID", "bench-writer");
        env.put("WRITER_CONCURRENCY", Integer.toString(options.writerConcurrency()));
        env.put("WRITER_MAX_POLL_RECORDS", Integer.toString(options.batchSize()));
        env.put("WRITER_HTTP_PORT", Integer.toString(port));
        env.put("SERVER_PORT", Integer.toString(port));
        ManagedProcess process = start(JavaCommand.jar(name, writerJar)
                .withJvmOptions(jvm(name, options.writerHeap()))
                .withEnvironment(env));
        String health = "http://127.0.0.1:" + port + "/actuator/health";
        process.awaitCondition("UP at " + health, () -> BenchMain.isUp(health), START_TIMEOUT);
        return process;
    }

    ManagedProcess startFetcher(String database, String api) {
        Map<String, String> env = infrastructure(database);
        env.put("PEAKON_BASE_URL", api);
        env.put("PEAKON_APP_TOKEN", BenchMain.APP_TOKEN);
        env.put("PEAKON_PER_PAGE", Integer.toString(options.perPage()));
        env.put("RUN_ON_START", "false");
        int port = ports.free();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("FETCHER_HTTP_PORT", Integer.toString(port));
        return start(JavaCommand.jar("fetcher", fetcherJar)
                .withJvmOptions(jvm("fetcher", options.fetcherHeap()))
                .withArguments("ingest", "--full-sync")
                .withEnvironment(env));
    }

    ManagedProcess startReplay(String liveDatabase, String targetDatabase) {
        Map<String, String> env = infrastructure(liveDatabase);
        env.put("WRITER_CONCURRENCY", Integer.toString(options.writerConcurrency()));
        env.put("WRITER_MAX_POLL_RECORDS", Integer.toString(options.batchSize()));
        int port = ports.free();
        env.put("WRITER_HTTP_PORT", Integer.toString(port));
        env.put("SERVER_PORT", Integer.toString(port));
        return start(JavaCommand.jar("replay", writerJar)
                .withJvmOptions(jvm("replay", options.writerHeap()))
                .withArguments("replay", "--target-db", targetDatabase)
                .withEnvironment(env));
    }

    /** Stops a process that is still running (its RSS peak is read one last time first). */
    void stop(ManagedProcess process) {
        rss.finish(process.name());
        stack.supervisor().stop(process);
    }

    /** Forgets a process that has exited by itself. */
    void stopped(ManagedProcess process) {
        rss.finish(process.name());
        stack.supervisor().stop(process);
    }

    private ManagedProcess start(JavaCommand command) {
        ManagedProcess process = stack.supervisor().start(command);
        rss.watch(command.name(), process.pid());
        return process;
    }

    private Map<String, String> infrastructure(String database) {
        Map<String, String> env = new LinkedHashMap<>(stack.infrastructureEnvironment());
        env.put("MONGO_DB", database);
        env.put("KAFKA_TOPIC_PREFIX", "peakon.");
        env.put("LOG_LEVEL", "INFO");
        return env;
    }

    private String[] jvm(String name, String heap) {
        List<String> extra = name.equals("fetcher") ? this.options.fetcherJvm() : this.options.writerJvm();
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap));
        // The JVM's own choice of collector unless the options (by default the embedded stack's) name one.
        options.addAll(extra);
        options.addAll(profiler.jvmOptions(name));
        return options.toArray(String[]::new);
    }
}
