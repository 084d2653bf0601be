package org.peakoningest.embeddedstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.process.StackState;

/** Starting a part of the stack when the machine does not cooperate. */
class EmbeddedStackTest {

    @TempDir
    Path state;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void aMongoPortTakenBeforeTheServerBindsItIsReplacedByAFreeOne() throws Exception {
        StackLayout layout = new StackLayout(state, state);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                EmbeddedStack stack =
                        new EmbeddedStack(layout, Map.of("PEAKON_EMBEDDED_HEAP_MONGO", "256m"), progress::add)) {
            int port = taken.getLocalPort();

            // As if another program took the port between the launcher's check and the server's bind.
            String uri = stack.startMongoOn(port, null, ProcessHandle.current().pid());

            assertThat(uri).startsWith("mongodb://127.0.0.1:").isNotEqualTo("mongodb://127.0.0.1:" + port);
            try (MongoClient client = MongoClients.create(uri)) {
                assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)))
                        .containsEntry("ok", 1.0);
            }
            assertThat(progress)
                    .anyMatch(line -> line.startsWith(
                            "port " + port + " was taken before the mongo-wire server could bind it; never attaching"
                                    + " to it, trying "));
            // The server that lost the race is gone and forgotten; `stop` and the summary use the one that runs.
            assertThat(stack.supervisor().running())
                    .singleElement()
                    .satisfies(mongo -> assertThat(mongo.isAlive()).isTrue());
            assertThat(StackState.at(layout.stateFile()).get("mongo.uri")).contains(uri);
            assertThat(StackState.at(layout.stateFile()).liveProcesses())
                    .extracting(ProcessHandle::pid)
                    .containsExactlyElementsOf(stack.supervisor().running().stream()
                            .map(ManagedProcess::pid)
                            .toList());
        }
    }
}
