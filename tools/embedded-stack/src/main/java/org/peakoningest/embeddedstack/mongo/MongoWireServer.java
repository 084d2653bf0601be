package org.peakoningest.embeddedstack.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The embedded stack's MongoDB: a Mongo-wire server (mongo-java-server) in its own JVM, so the writers and the
 * fetcher talk to it over the network exactly as they would to {@code mongod}.
 *
 * <p>Usage: {@code MongoWireServer --port P [--instance-id ID] [--h2-file FILE] [--parent-pid PID]}. Without {@code --h2-file} the data
 * lives in memory and is gone when the process ends; with it, it is kept in an H2 MVStore file (slower: see
 * STACK-FACTS). Prints {@value #READY_MARKER} once it accepts connections. With {@code --parent-pid} it also exits
 * when that process is gone, so a launcher killed with SIGKILL does not leave the database behind.
 *
 * <p>{@code --instance-id} is answered in the {@code hello} reply's {@value #INSTANCE_FIELD} field: the launcher gives
 * every server it starts an id of its own and checks that the server answering on the port answers with it, so a
 * stack never uses a Mongo-wire server (or a {@code mongod}) it did not start.
 *
 * <p>Exit statuses: 0 stopped, 1 failed, 2 usage error, {@value #PORT_IN_USE} the port is taken (one line on stderr
 * names it; the launcher then tries another port). Whatever fails, the process ends: it never stays behind without
 * serving.
 */
@Command(name = "MongoWireServer", mixinStandardHelpOptions = true)
public final class MongoWireServer implements Callable<Integer> {

    public static final String READY_MARKER = "mongo-wire server listening on";

    /**
     * The port was taken between the launcher's check and the bind (another stack, any other program): the launcher
     * retries on another port instead of failing the run.
     */
    public static final int PORT_IN_USE = 3;

    /** The field of the {@code hello} reply that carries {@code --instance-id}. */
    public static final String INSTANCE_FIELD = "peakonEmbeddedInstance";

    @Option(names = "--instance-id", description = "answered in hello's " + INSTANCE_FIELD + " field")
    String instanceId;

    @Option(names = "--port", defaultValue = "27017", description = "port on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--h2-file", description = "keep the data in this H2 file (default: in memory)")
    Path h2File;

    @Option(names = "--parent-pid", description = "exit when this process ends")
    Long parentPid;

    public static void main(String[] args) {
        int status = CommandLine.ExitCode.SOFTWARE;
        try {
            status = new CommandLine(new MongoWireServer())
                    .setParameterExceptionHandler((e, given) -> {
                        System.err.println("mongo-wire server: " + e.getMessage());
                        return CommandLine.ExitCode.USAGE;
                    })
                    .setExecutionExceptionHandler((e, command, parsed) -> failed(e))
                    .execute(args);
        } catch (Throwable e) {
            // picocli hands Errors (OutOfMemoryError, a missing class) straight through.
            status = failed(e);
        } finally {
            // Always an explicit exit: mongo-java-server's Netty threads are not daemons, so a main thread that just
            // ended would leave a JVM behind that serves nothing while the launcher waits for its ready line.
            System.exit(status);
        }
    }

    /** The stack trace for the log, then one line the launcher's report ends with (it shows the log's last lines). */
    private static int failed(Throwable e) {
        e.printStackTrace();
        System.err.println("mongo-wire server: failed: " + e);
        return CommandLine.ExitCode.SOFTWARE;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        MongoBackend backend = h2File == null ? memory(instanceId) : h2(h2File, instanceId);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (Exception e) {
            // Netty rethrows the BindException undeclared; MongoServer has already shut itself and the backend down.
            if (causedByBindFailure(e)) {
                System.err.println("mongo-wire server: port " + port + " on 127.0.0.1 is already in use");
                return PORT_IN_USE;
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            // shutdown() closes the backend too, which flushes and closes the H2 file.
                            server.shutdown();
                            stopped.countDown();
                        },
                        "mongo-wire-shutdown"));
        if (parentPid != null) {
            ProcessHandle.of(parentPid)
                    .ifPresentOrElse(parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
        }
        System.out.println(READY_MARKER + " mongodb://127.0.0.1:" + port + " (backend: "
                + (h2File == null ? "memory" : "h2 " + h2File.toAbsolutePath()) + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * mongo-java-server 1.47 answers the legacy {@code isMaster} but not its successor {@code hello}, which Spring
     * Boot's Mongo health indicator sends: without this, every writer's {@code /actuator/health} stays DOWN against
     * the embedded server. {@code hello} is answered like {@code isMaster}, plus {@code isWritablePrimary} and the
     * server's instance id (when it has one).
     */
    static Document answerHello(
            Channel channel, String database, Document query, String instanceId, HelloFallback isMaster) {
        Document reply = isMaster.handle(channel, database, "isMaster", query);
        reply.put("isWritablePrimary", reply.getOrDefault("ismaster", Boolean.TRUE));
        if (instanceId != null) {
            reply.put(INSTANCE_FIELD, instanceId);
        }
        return reply;
    }

    /** The backend's own command handler (super.handleCommand). */
    @FunctionalInterface
    interface HelloFallback {
        Document handle(Channel channel, String database, String command, Document query);
    }

    static MongoBackend memory(String instanceId) {
        return new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return "hello".equalsIgnoreCase(command)
                        ? answerHello(channel, database, query, instanceId, super::handleCommand)
                        : super.handleCommand(channel, database, command, query);
            }
        };
    }

    private static MongoBackend h2(Path file, String instanceId) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new H2Backend(file.toAbsolutePath().toString()) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return "hello".equalsIgnoreCase(command)
                        ? answerHello(channel, database, query, instanceId, super::handleCommand)
                        : super.handleCommand(channel, database, command, query);
            }
        };
    }
}
