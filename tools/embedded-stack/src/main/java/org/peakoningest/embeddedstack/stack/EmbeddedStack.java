package org.peakoningest.embeddedstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peakoningest.common.TopicNames;
import org.peakoningest.embeddedstack.kafka.KafkaBroker;
import org.peakoningest.embeddedstack.mongo.MongoInstance;
import org.peakoningest.embeddedstack.mongo.MongoWireServer;
import org.peakoningest.embeddedstack.process.JavaCommand;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.process.Ports;
import org.peakoningest.embeddedstack.process.ProcessSupervisor;
import org.peakoningest.embeddedstack.process.StackFailure;
import org.peakoningest.embeddedstack.process.StackState;

/**
 * The parts of the embedded stack, each started as its own process and awaited until it is ready: Kafka broker,
 * Mongo-wire server, simulator, writers, fetcher. Every service gets the same environment variables as in the
 * compose stack ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGO_URI}, {@code PEAKON_BASE_URL}, …); anything else the
 * user exported ({@code KAFKA_TOPIC_PREFIX}, {@code MONGO_DB}, {@code LOG_LEVEL}, …) is inherited unchanged.
 *
 * <p>The launcher's {@code IngestCommand} strings these together for {@code ./peakon-ingest run}; the end-to-end test
 * drives them one by one (to run several ingests and to kill a writer mid-run).
 */
public final class EmbeddedStack implements AutoCloseable {

    public static final String SIMULATOR_APP_TOKEN = "sim-app-token";

    /**
     * JVM options of the writers and the fetcher here, besides the heap. Everything the embedded stack runs is short
     * lived (one crawl, then stop), and on a small machine the C2 compiler was the largest single cost: in a run of
     * 200k answers it used ~8 of the writer's ~19 CPU seconds and ~6 of the fetcher's ~14 (tools/bench/run, per-thread CPU;
     * docs/performance.md). C1 alone compiles for ~1 s and its code is fast enough for these runs. Long-running
     * daemons (compose) keep the JVM's default tiered compilation. SerialGC: one collector thread, smallest
     * footprint, no pauses worth noticing at these heap sizes.
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    static final Pattern SIMULATOR_READY = Pattern.compile("peakon-simulator listening on (http://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** A taken port is a race lost to another program; three in a row is something else, worth reporting. */
    private static final int PORT_ATTEMPTS = 3;

    private final StackLayout layout;
    private final Map<String, String> environment;
    private final ProcessSupervisor supervisor;
    private final StackState state;
    private final Ports ports = new Ports();
    private final Consumer<String> progress;
    private final Map<Integer, ManagedProcess> writers = new LinkedHashMap<>();
    private final java.util.Set<Path> snapshots = new java.util.HashSet<>();

    private ManagedProcess kafka;
    private int kafkaPort;
    private int kafkaControllerPort;
    private String kafkaClusterId;
    private ManagedProcess mongo;
    private ManagedProcess simulator;
    private String bootstrapServers;
    private String mongoUri;
    private String peakonBaseUrl;
    private String appToken;

    /**
     * @param environment the launcher's environment (settings are read from it and passed on to the services)
     * @param progress    where one-line progress messages go
     */
    public EmbeddedStack(StackLayout layout, Map<String, String> environment, Consumer<String> progress) {
        this.layout = layout;
        this.environment = Map.copyOf(environment);
        this.progress = progress;
        this.state = StackState.at(layout.stateFile());
        this.supervisor = new ProcessSupervisor(layout.logs(), state, progress);
    }

    public ProcessSupervisor supervisor() {
        return supervisor;
    }

    /** Starts the broker (on 9092 when {@code preferredPort} is 9092 and free) and returns its bootstrap servers. */
    public String startKafka(int preferredPort) throws InterruptedException {
        // Kept data (--persist) was formatted with a controller endpoint: reuse the ports it was started with.
        Path recorded = layout.kafkaDirectory().resolve("ports");
        int brokerPort;
        int controllerPort;
        if (Files.exists(recorded) && Files.exists(layout.kafkaDirectory().resolve("data/meta.properties"))) {
            String[] both = readString(recorded).trim().split("\\s+");
            brokerPort = Integer.parseInt(both[0]);
            controllerPort = Integer.parseInt(both[1]);
            if (!Ports.isFree(brokerPort) || !Ports.isFree(controllerPort)) {
                throw new StackFailure("the kept Kafka data in " + layout.kafkaDirectory() + " needs ports "
                        + brokerPort + " and " + controllerPort + ", which are in use; free them or run without"
                        + " --persist");
            }
        } else {
            brokerPort = ports.preferredOrFree(preferredPort);
            controllerPort = ports.free();
        }
        return startKafkaOn(brokerPort, controllerPort);
    }

    /**
     * Starts the broker on these ports (free when they were checked, maybe taken since). When another program took a
     * port before the broker bound it, the broker is started again on other free ports (a fresh storage: the KRaft
     * controller endpoint is part of it), up to {@value #PORT_ATTEMPTS} times; kept data (--persist) needs its own
     * ports, so there it fails with one line instead.
     */
    String startKafkaOn(int brokerPort, int controllerPort) throws InterruptedException {
        Path recorded = layout.kafkaDirectory().resolve("ports");
        boolean kept = Files.exists(layout.kafkaDirectory().resolve("data/meta.properties"));
        for (int attempt = 1; ; attempt++) {
            try {
                launchKafka(brokerPort, controllerPort);
                break;
            } catch (KafkaBroker.PortTaken taken) {
                if (kept) {
                    throw new StackFailure("the kept Kafka data in " + layout.kafkaDirectory() + " needs ports "
                            + brokerPort + " and " + controllerPort + ": " + taken.getMessage()
                            + "; free them or run without --persist");
                }
                if (attempt == PORT_ATTEMPTS) {
                    throw new StackFailure(
                            "no port for the Kafka broker after " + attempt + " tries: " + taken.getMessage());
                }
                StackLayout.deleteRecursively(layout.kafkaDirectory().resolve("data"));
                int nextBroker = ports.free();
                int nextController = ports.free();
                progress.accept(taken.getMessage() + "; never attaching to it, trying ports " + nextBroker + " and "
                        + nextController);
                brokerPort = nextBroker;
                controllerPort = nextController;
            }
        }
        writeString(recorded, brokerPort + " " + controllerPort + "\n");
        state.put("kafka.bootstrap", bootstrapServers);
        state.put("kafka.cluster-id", kafkaClusterId);
        progress.accept(
                "kafka ready at " + bootstrapServers + " (cluster id " + kafkaClusterId + ", " + describe(kafka) + ")");
        return bootstrapServers;
    }

    private void launchKafka(int brokerPort, int controllerPort) throws InterruptedException {
        KafkaBroker broker =
                new KafkaBroker(supervisor, layout.kafkaLibs(), layout.kafkaDirectory(), heap("KAFKA", "1g"));
        kafka = broker.start(brokerPort, controllerPort, START_TIMEOUT);
        kafkaClusterId = broker.clusterId();
        kafkaPort = brokerPort;
        kafkaControllerPort = controllerPort;
        bootstrapServers = "127.0.0.1:" + brokerPort;
    }

    /** Kills the broker with SIGKILL, as a crash (or the OOM killer) would: no controlled shutdown, no flush. */
    public void killKafka() throws InterruptedException {
        if (kafka == null || !kafka.isAlive()) {
            throw new IllegalStateException("the broker is not running");
        }
        kafka.kill();
        supervisor.stop(kafka);
        progress.accept("kafka killed (SIGKILL)");
    }

    /**
     * Starts the broker again after {@link #killKafka()}, on the same ports and the same data directory (no new
     * format): the clients keep their bootstrap servers, the topics keep their records. Returns once it serves
     * clients.
     *
     * <p>The ports are not checked first: after a crash the old broker's connections linger in TIME_WAIT, which the
     * broker (it binds with SO_REUSEADDR) does not mind but a plain check would. A port another program took meanwhile
     * fails the restart with one line (the broker answering there, if any, has another cluster id: it is never used).
     */
    public String restartKafka() throws InterruptedException {
        if (kafka == null) {
            throw new IllegalStateException("the broker was never started");
        }
        if (kafka.isAlive()) {
            throw new IllegalStateException("the broker is still running");
        }
        try {
            launchKafka(kafkaPort, kafkaControllerPort);
        } catch (KafkaBroker.PortTaken taken) {
            throw new StackFailure("the broker cannot restart: " + taken.getMessage());
        }
        progress.accept("kafka restarted at " + bootstrapServers + " (" + describe(kafka) + ")");
        return bootstrapServers;
    }

    /**
     * Starts the Mongo-wire server and returns its URI.
     *
     * @param h2File    keep the data in this H2 file; null = memory backend
     * @param parentPid exit when this process ends (null: survive the launcher, for --keep-running)
     */
    public String startMongo(int preferredPort, Path h2File, Long parentPid) throws InterruptedException {
        return startMongoOn(ports.preferredOrFree(preferredPort), h2File, parentPid);
    }

    /**
     * Starts the Mongo-wire server on {@code port}, or on another free port when {@code port} is taken by the time
     * the server binds it: a port free when checked can be taken before the bind (a second stack starting at the same
     * moment, any other program). The server says so by exiting with {@link MongoWireServer#PORT_IN_USE} at once.
     *
     * <p>Its ready line only comes after its own bind; on top of that, the server answering on the port must answer
     * {@code hello} with the instance id given to this process ({@link MongoInstance}), or it is not used.
     */
    String startMongoOn(int port, Path h2File, Long parentPid) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            String instanceId = MongoInstance.newId();
            ManagedProcess process = supervisor.start(mongoCommand(port, instanceId, h2File, parentPid));
            String uri = "mongodb://127.0.0.1:" + port;
            String problem;
            try {
                process.awaitLogLine(Pattern.compile(Pattern.quote(MongoWireServer.READY_MARKER)), START_TIMEOUT);
                Optional<String> answered = MongoInstance.at(uri);
                problem = answered.equals(Optional.of(instanceId))
                        ? null
                        : "port " + port + " answers as another Mongo server (instance " + answered.orElse("none")
                                + ", not " + instanceId + ")";
            } catch (StackFailure failure) {
                boolean portTaken = process.exitCode().equals(Optional.of(MongoWireServer.PORT_IN_USE));
                if (!portTaken) {
                    throw failure;
                }
                problem = "port " + port + " was taken before the mongo-wire server could bind it";
            } catch (com.mongodb.MongoException silent) {
                throw new StackFailure(
                        "the mongo-wire server does not answer on " + uri + ": " + silent.getMessage(), process);
            }
            if (problem == null) {
                mongo = process;
                mongoUri = uri;
                state.put("mongo.uri", mongoUri);
                progress.accept("mongo-wire server ready at " + mongoUri + " (instance " + instanceId + ", "
                        + describe(process) + ")");
                return mongoUri;
            }
            supervisor.stop(process);
            if (attempt == PORT_ATTEMPTS) {
                throw new StackFailure("no port for the mongo-wire server after " + attempt + " tries: " + problem);
            }
            int next = ports.free();
            progress.accept(problem + "; never attaching to it, trying " + next);
            port = next;
        }
    }

    private JavaCommand mongoCommand(int port, String instanceId, Path h2File, Long parentPid) {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--instance-id", instanceId));
        if (h2File != null) {
            args.addAll(List.of("--h2-file", h2File.toString()));
        }
        if (parentPid != null) {
            args.addAll(List.of("--parent-pid", parentPid.toString()));
        }
        return JavaCommand.mainClass("mongo", launcherClasspath(), MongoWireServer.class.getName())
                .withJvmOptions(
                        "-Xmx" + heap("MONGO", "4g"), "-XX:+UseG1GC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .withArguments(args);
    }

    /**
     * Starts the simulated Peakon and points the fetcher at it.
     *
     * @param moreArguments further simulator flags (docs/simulator.md), e.g. {@code "--latency-ms", "100"}
     */
    public String startSimulator(OptionalInt answers, OptionalInt employees, String... moreArguments)
            throws InterruptedException {
        // Port 0: the simulator binds a free port itself and names it in its ready line (no port to lose to a race).
        List<String> args = new ArrayList<>(List.of(
                "--host", OwnHttpServer.LOOPBACK, "--port", "0", "--seed", "42", "--app-token", SIMULATOR_APP_TOKEN));
        answers.ifPresent(n -> args.addAll(List.of("--answers", Integer.toString(n))));
        employees.ifPresent(n -> args.addAll(List.of("--employees", Integer.toString(n))));
        args.addAll(List.of(moreArguments));
        ManagedProcess process = supervisor.start(JavaCommand.jar("simulator", snapshot(layout.simulatorJar()))
                .withJvmOptions("-Xmx" + heap("SIMULATOR", "2g"), "-XX:+UseG1GC")
                .withArguments(args));
        String line = process.awaitLogLine(SIMULATOR_READY, START_TIMEOUT);
        Matcher matcher = SIMULATOR_READY.matcher(line);
        if (!matcher.find()) {
            throw new StackFailure("the simulator's ready line names no URL: " + line, process);
        }
        peakonBaseUrl = matcher.group(1);
        appToken = SIMULATOR_APP_TOKEN;
        simulator = process;
        state.put("simulator.url", peakonBaseUrl);
        progress.accept("simulator ready at " + peakonBaseUrl + " (" + describe(process) + ")");
        return peakonBaseUrl;
    }

    /** Crawls the real Peakon: PEAKON_BASE_URL and PEAKON_APP_TOKEN are passed on from the environment. */
    public void useRealPeakon() {
        peakonBaseUrl = environment.get("PEAKON_BASE_URL");
        appToken = environment.get("PEAKON_APP_TOKEN");
        progress.accept("crawling the real Peakon at " + peakonBaseUrl + " (no simulator)");
    }

    /** Starts writer number {@code index} (1-based) and waits until its health endpoint says UP. */
    public ManagedProcess startWriter(int index) throws InterruptedException {
        return startWriters(List.of(index)).get(0);
    }

    /**
     * Starts the writers with these numbers side by side (their JVM and Spring start-ups overlap) and waits until
     * every health endpoint says UP.
     */
    public List<ManagedProcess> startWriters(List<Integer> indexes) throws InterruptedException {
        Map<Integer, String> health = new LinkedHashMap<>();
        for (int index : indexes) {
            int port = ports.free();
            ManagedProcess process = supervisor.start(JavaCommand.jar("writer-" + index, snapshot(layout.writerJar()))
                    // Measured by tools/bench/run (docs/performance.md): 256m keeps a writer under 512 MiB RSS at 1M
                    // answers with the same throughput as 768m + G1 (700-800 MiB).
                    .withJvmOptions("-Xmx" + heap("WRITER", "256m"))
                    .withJvmOptions(SERVICE_JVM_OPTIONS.toArray(String[]::new))
                    .withEnvironment(infrastructureEnvironment())
                    .withEnvironment(OwnHttpServer.environment(port)));
            writers.put(index, process);
            health.put(index, "http://127.0.0.1:" + port + "/actuator/health");
        }
        List<ManagedProcess> started = new ArrayList<>();
        for (int index : indexes) {
            ManagedProcess process = writers.get(index);
            String url = health.get(index);
            OwnHttpServer.await(process, URI.create(url).getPort(), url, START_TIMEOUT);
            state.put("writer-" + index + ".health", url);
            progress.accept("writer-" + index + " ready (" + url + ", " + describe(process) + ")");
            started.add(process);
        }
        return started;
    }

    /** Kills writer {@code index} with SIGKILL, as a crash would. */
    public void killWriter(int index) throws InterruptedException {
        ManagedProcess writer = writers.remove(index);
        if (writer == null) {
            throw new IllegalArgumentException("no writer " + index);
        }
        writer.kill();
        supervisor.stop(writer);
        progress.accept("writer-" + index + " killed (SIGKILL)");
    }

    public List<ManagedProcess> writers() {
        return List.copyOf(writers.values());
    }

    /**
     * Starts the browse service (API + UI) on 8000 when free, else a free port, and waits until it is UP. It needs
     * credentials: the user's {@code BROWSE_USERS} / {@code BROWSE_TOKEN} when exported (inherited), else a token
     * generated here, returned so the launcher can print it once.
     *
     * @return the UI's URL and, when this method generated it, the bearer token
     */
    public BrowseAccess startBrowse() throws InterruptedException {
        int port = ports.preferredOrFree(8000);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MONGO_URI", mongoUri);
        String token = null;
        if (environment.getOrDefault("BROWSE_USERS", "").isBlank()
                && environment.getOrDefault("BROWSE_TOKEN", "").isBlank()) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            token = java.util.HexFormat.of().formatHex(random);
            env.put("BROWSE_TOKEN", token);
        }
        for (int attempt = 1; ; attempt++) {
            env.put("BROWSE_PORT", Integer.toString(port));
            env.putAll(OwnHttpServer.environment(port));
            ManagedProcess process = supervisor.start(JavaCommand.jar("browse", snapshot(layout.browseJar()))
                    .withJvmOptions("-Xmx" + heap("BROWSE", "512m"), "-XX:+UseG1GC")
                    .withEnvironment(env));
            String url = "http://127.0.0.1:" + port;
            try {
                OwnHttpServer.await(process, port, url + "/actuator/health", START_TIMEOUT);
            } catch (StackFailure failure) {
                // 8000 is every stack's first choice: another one may have taken it since the check.
                if (process.isAlive() || Ports.isFree(port) || attempt == PORT_ATTEMPTS) {
                    throw failure;
                }
                supervisor.stop(process);
                int next = ports.free();
                progress.accept("port " + port + " was taken before the browse service could bind it; never"
                        + " attaching to it, trying " + next);
                port = next;
                continue;
            }
            state.put("browse.url", url);
            progress.accept("browse service ready at " + url + " (" + describe(process) + ")");
            return new BrowseAccess(url, Optional.ofNullable(token));
        }
    }

    /** Where the browse UI is, and the bearer token the launcher generated for it (empty: the user's own). */
    public record BrowseAccess(String url, Optional<String> generatedToken) {}

    /** Starts {@code fetcher-service ingest}; the caller waits for its exit. */
    public ManagedProcess startIngest(boolean fullSync, String name) {
        return startIngest(fullSync, name, Map.of());
    }

    /**
     * Starts {@code fetcher-service ingest} with these fetcher settings on top of the stack's (e.g.
     * {@code PEAKON_PER_PAGE}); the caller waits for its exit.
     */
    public ManagedProcess startIngest(boolean fullSync, String name, Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("ingest"));
        if (fullSync) {
            args.add("--full-sync");
        }
        Map<String, String> env = new LinkedHashMap<>(infrastructureEnvironment());
        env.put("PEAKON_BASE_URL", peakonBaseUrl);
        env.put("PEAKON_APP_TOKEN", appToken);
        // ingest mode runs once; a daemon's first run is not wanted here.
        env.put("RUN_ON_START", "false");
        env.putAll(OwnHttpServer.environment(ports.free()));
        // The same secret as ./peakon-ingest erase: the crawl must recognise the people erased on this stack.
        env.put(ErasureSecret.VARIABLE, ErasureSecret.of(layout, environment));
        env.putAll(settings);
        ManagedProcess fetcher = supervisor.start(JavaCommand.jar(name, snapshot(layout.fetcherJar()))
                // The fetcher streams pages: 128m (tools/bench/run: ~270-300 MiB RSS at per_page=20000, vs ~550 MiB
                // with
                // 1g + G1, same throughput).
                .withJvmOptions("-Xmx" + heap("FETCHER", "128m"))
                .withJvmOptions(SERVICE_JVM_OPTIONS.toArray(String[]::new))
                .withArguments(args)
                .withEnvironment(env));
        progress.accept(name + " started: ingest" + (fullSync ? " --full-sync" : "") + " (" + describe(fetcher) + ")");
        return fetcher;
    }

    /**
     * A copy of {@code jar} in {@code <state dir>/jars/}, made once per stack: a running JVM reads classes from its
     * jar lazily, so a {@code mvn package} while the stack runs would otherwise pull the jar from under it
     * ({@code NoClassDefFoundError}, truncated-zip errors).
     */
    private Path snapshot(Path jar) {
        if (!selfContained(jar)) {
            // A thin jar finds its dependencies through a relative manifest Class-Path: it must stay where it is.
            return jar;
        }
        Path copy = layout.stateDirectory().resolve("jars").resolve(jar.getFileName());
        try {
            if (snapshots.add(copy)) {
                Files.createDirectories(copy.getParent());
                Path temp = copy.resolveSibling(copy.getFileName() + ".tmp");
                Files.copy(jar, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(
                        temp,
                        copy,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar + " to " + copy, e);
        }
    }

    /** A jar without a manifest Class-Path (e.g. a Spring Boot executable jar) runs from anywhere. */
    static boolean selfContained(Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = file.getManifest();
            return manifest == null
                    || manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH) == null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** KAFKA_BOOTSTRAP_SERVERS and MONGO_URI of this stack; everything else is inherited from the environment. */
    public Map<String, String> infrastructureEnvironment() {
        if (bootstrapServers == null || mongoUri == null) {
            throw new IllegalStateException("start Kafka and Mongo first");
        }
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers, "MONGO_URI", mongoUri);
    }

    /** The Mongo-wire server's process. */
    public ManagedProcess mongoProcess() {
        return mongo;
    }

    /** The simulator's process (absent when the real Peakon is crawled). */
    public Optional<ManagedProcess> simulatorProcess() {
        return Optional.ofNullable(simulator);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The cluster id this stack's broker was formatted with (and answers with). */
    public String kafkaClusterId() {
        return kafkaClusterId;
    }

    public String mongoUri() {
        return mongoUri;
    }

    public Optional<String> simulatorUrl() {
        return Optional.ofNullable(appToken).filter(SIMULATOR_APP_TOKEN::equals).map(t -> peakonBaseUrl);
    }

    public String mongoDatabase() {
        return environment.getOrDefault("MONGO_DB", "peakon");
    }

    public TopicNames topics() {
        return new TopicNames(environment.getOrDefault("KAFKA_TOPIC_PREFIX", TopicNames.DEFAULT_PREFIX));
    }

    /** Stops every process this stack started (newest first). */
    @Override
    public void close() {
        supervisor.close();
    }

    /**
     * The classpath of this launcher, for the Mongo-wire server's JVM: the running JVM's own classpath, unless
     * {@code embedded.stack.classpath} names another (the ITs do: failsafe's classpath is a temporary jar).
     */
    static String launcherClasspath() {
        return System.getProperty("embedded.stack.classpath", System.getProperty("java.class.path"));
    }

    private String heap(String part, String fallback) {
        return environment.getOrDefault("PEAKON_EMBEDDED_HEAP_" + part, fallback);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(ManagedProcess process) {
        return "pid " + process.pid() + ", log " + process.logFile();
    }
}
