package org.peakoningest.embeddedstack.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
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
 * <p>Usage: {@code MongoWireServer --port P [--h2-file FILE] [--parent-pid PID]}. Without {@code --h2-file} the data
 * lives in memory and is gone when the process ends; with it, it is kept in an H2 MVStore file (slower: see
 * STACK-FACTS). Prints {@value #READY_MARKER} once it accepts connections. With {@code --parent-pid} it also exits
 * when that process is gone, so a launcher killed with SIGKILL does not leave the database behind.
 */
@Command(name = "MongoWireServer", mixinStandardHelpOptions = true)
public final class MongoWireServer implements Callable<Integer> {

    public static final String READY_MARKER = "mongo-wire server listening on";

    @Option(names = "--port", defaultValue = "27017", description = "port on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--h2-file", description = "keep the data in this H2 file (default: in memory)")
    Path h2File;

    @Option(names = "--parent-pid", description = "exit when this process ends")
    Long parentPid;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MongoWireServer())
                .setParameterExceptionHandler((e, given) -> {
                    System.err.println("mongo-wire server: " + e.getMessage());
                    return CommandLine.ExitCode.USAGE;
                })
                .execute(args));
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        MongoBackend backend = h2File == null ? memory() : h2(h2File);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
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

    /**
     * mongo-java-server 1.47 answers the legacy {@code isMaster} but not its successor {@code hello}, which Spring
     * Boot's Mongo health indicator sends: without this, every writer's {@code /actuator/health} stays DOWN against
     * the embedded server. {@code hello} is answered like {@code isMaster}, plus {@code isWritablePrimary}.
     */
    static Document answerHello(Channel channel, String database, Document query, HelloFallback isMaster) {
        Document reply = isMaster.handle(channel, database, "isMaster", query);
        reply.put("isWritablePrimary", reply.getOrDefault("ismaster", Boolean.TRUE));
        return reply;
    }

    /** The backend's own command handler (super.handleCommand). */
    @FunctionalInterface
    interface HelloFallback {
        Document handle(Channel channel, String database, String command, Document query);
    }

    private static MongoBackend memory() {
        return new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return "hello".equalsIgnoreCase(command)
                        ? answerHello(channel, database, query, super::handleCommand)
                        : super.handleCommand(channel, database, command, query);
            }
        };
    }

    private static MongoBackend h2(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new H2Backend(file.toAbsolutePath().toString()) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return "hello".equalsIgnoreCase(command)
                        ? answerHello(channel, database, query, super::handleCommand)
                        : super.handleCommand(channel, database, command, query);
            }
        };
    }
}
