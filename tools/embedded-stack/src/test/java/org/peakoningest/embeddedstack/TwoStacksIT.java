package org.peakoningest.embeddedstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.embeddedstack.process.StackState;
import org.peakoningest.embeddedstack.stack.StackLayout;
import org.peakoningest.embeddedstack.summary.MongoInspector;
import org.peakoningest.embeddedstack.summary.RunRecord;
import tools.jackson.databind.JsonNode;

/**
 * Issue #15: <b>two {@code ./peakon-ingest run --keep-running} started at the same moment</b> (two checkouts, or two
 * state directories) stay apart. Both prefer Kafka's 9092 and Mongo's 27017 and check them at the same time, so one
 * of each pair loses the bind; before the cluster-id check, the loser's readiness wait saw the winner's broker answer,
 * and both stacks shared topics and the writers' consumer group. Each stack must end up with its own broker (its
 * cluster id), its own Mongo-wire server, and land exactly its own run: its Mongo holds one run, with exactly what its
 * own simulator served. Every port the stack serves is on 127.0.0.1 only.
 */
class TwoStacksIT {

    private static final Path SCRIPT = StackFixture.REPOSITORY.resolve("peakon-ingest");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void twoStacksStartedTogetherEachLandExactlyTheirOwnRun() throws Exception {
        Path homeA = fresh("two-stacks-a");
        Path homeB = fresh("two-stacks-b");
        List<String> run = List.of("run", "--keep-running", "--answers", "200", "--employees", "20", "--timeout", "6");
        try {
            Process a = script(homeA, run, homeA.resolveSibling("two-stacks-a.out"));
            Process b = script(homeB, run, homeB.resolveSibling("two-stacks-b.out"));
            assertThat(exit(a, homeA))
                    .as("exit status of stack A (%s)", output(homeA))
                    .isZero();
            assertThat(exit(b, homeB))
                    .as("exit status of stack B (%s)", output(homeB))
                    .isZero();

            StackState stateA = StackState.at(new StackLayout(StackFixture.REPOSITORY, homeA).stateFile());
            StackState stateB = StackState.at(new StackLayout(StackFixture.REPOSITORY, homeB).stateFile());
            for (String key :
                    List.of("kafka.bootstrap", "kafka.cluster-id", "mongo.uri", "simulator.url", "browse.url")) {
                assertThat(stateA.get(key)).as("stack A's " + key).isPresent();
                assertThat(stateA.get(key)).as(key + " of the two stacks").isNotEqualTo(stateB.get(key));
            }

            String runA = assertOwnRunExact("A", stateA);
            String runB = assertOwnRunExact("B", stateB);
            assertThat(runA).isNotEqualTo(runB);

            // The writers' Actuator and the browse API listen on loopback only.
            for (StackState state : List.of(stateA, stateB)) {
                int browsePort =
                        URI.create(state.get("browse.url").orElseThrow()).getPort();
                int writerPort =
                        URI.create(state.get("writer-1.health").orElseThrow()).getPort();
                for (int port : List.of(browsePort, writerPort)) {
                    assertThat(listening(InetAddress.getLoopbackAddress(), port))
                            .isTrue();
                    nonLoopbackAddress()
                            .ifPresent(address -> assertThat(listening(address, port))
                                    .as("port %d reachable on %s", port, address)
                                    .isFalse());
                }
            }
        } finally {
            stop(homeA);
            stop(homeB);
        }
    }

    /** The stack's Mongo holds one run, landed complete, with exactly what its own simulator served; returns its id. */
    private static String assertOwnRunExact(String name, StackState state) throws Exception {
        String bootstrap = state.get("kafka.bootstrap").orElseThrow();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                    .as("cluster id of the broker at stack %s's bootstrap %s", name, bootstrap)
                    .isEqualTo(state.get("kafka.cluster-id").orElseThrow());
        }
        try (MongoInspector mongo = new MongoInspector(state.get("mongo.uri").orElseThrow(), "peakon")) {
            Set<String> runs = mongo.runIds();
            assertThat(runs).as("runs in stack %s's Mongo", name).hasSize(1);
            RunRecord run = mongo.newRun(Set.of()).orElseThrow();
            assertThat(run.landingComplete())
                    .as("landing of stack %s's run", name)
                    .isTrue();
            assertThat(mongo.documentCounts())
                    .as("documents in stack %s's Mongo", name)
                    .isEqualTo(served(state.get("simulator.url").orElseThrow(), run));
            assertThat(mongo.documentCounts().get("answers_export")).isEqualTo(200);
            return run.runId();
        }
    }

    /** What the stack's own simulator served (its bookkeeping): distinct items per collection. */
    private static Map<String, Long> served(String simulatorUrl, RunRecord run) throws Exception {
        URI base = URI.create(simulatorUrl);
        HttpResponse<String> stats = HTTP.send(
                HttpRequest.newBuilder(URI.create(base.getScheme() + "://" + base.getAuthority() + "/_sim/stats"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode distinct = ContractJson.mapper().readTree(stats.body()).path("distinct");
        Map<String, Long> expected = new LinkedHashMap<>();
        for (PeakonCollection collection : PeakonCollection.values()) {
            String collectionName = collection.collectionName();
            expected.put(
                    collectionName,
                    collection == PeakonCollection.DRIVERS_CATALOG
                            ? run.published(collectionName).orElseThrow()
                            : distinct.path(collectionName).asLong());
        }
        return expected;
    }

    private static Path fresh(String name) {
        Path home = Path.of("target", name + "-state").toAbsolutePath();
        StackLayout.deleteRecursively(home);
        return home;
    }

    /** {@code ./peakon-ingest <arguments>} with its own state directory; the jars are built already (this module's). */
    private static Process script(Path home, List<String> arguments, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put(StackLayout.HOME_VARIABLE, home.toString());
        builder.environment().put("PEAKON_SKIP_BUILD", "1");
        builder.environment().put("PEAKON_EMBEDDED_HEAP_MONGO", "512m");
        builder.environment().put("PEAKON_EMBEDDED_HEAP_KAFKA", "512m");
        return builder.start();
    }

    private static int exit(Process process, Path home) throws InterruptedException {
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./peakon-ingest run did not finish: " + output(home));
        }
        return process.exitValue();
    }

    private static String output(Path home) {
        Path file = home.resolveSibling(home.getFileName().toString().replace("-state", ".out"));
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void stop(Path home) throws Exception {
        Process stop = script(home, List.of("stop"), home.resolveSibling(home.getFileName() + "-stop.out"));
        assertThat(stop.waitFor(2, TimeUnit.MINUTES)).isTrue();
    }

    private static boolean listening(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An IPv4 address of this machine other than loopback, if it has one. */
    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
