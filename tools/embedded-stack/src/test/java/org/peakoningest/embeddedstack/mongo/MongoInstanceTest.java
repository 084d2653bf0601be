package org.peakoningest.embeddedstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Telling the Mongo-wire server a stack started from any other server on the same address. */
class MongoInstanceTest {

    @Test
    void theServerAnswersHelloWithTheInstanceIdItWasStartedWith() {
        String id = MongoInstance.newId();
        withServer(
                MongoWireServer.memory(id),
                uri -> assertThat(MongoInstance.at(uri)).contains(id));
    }

    @Test
    void anotherStacksServerAnswersWithAnotherId() {
        String ours = MongoInstance.newId();
        withServer(
                MongoWireServer.memory(MongoInstance.newId()),
                uri -> assertThat(MongoInstance.at(uri)).isPresent().get().isNotEqualTo(ours));
    }

    @Test
    void aServerThisLauncherDidNotStartAnswersWithoutAnId() {
        // A plain mongo-java-server (no `hello`), and one of ours started without an id (as a mongod would answer).
        withServer(new MemoryBackend(), uri -> assertThat(MongoInstance.at(uri)).isEmpty());
        withServer(
                MongoWireServer.memory(null),
                uri -> assertThat(MongoInstance.at(uri)).isEmpty());
    }

    @Test
    void newIdsAreUnique() {
        assertThat(MongoInstance.newId()).isNotEqualTo(MongoInstance.newId());
    }

    private static void withServer(MongoBackend backend, java.util.function.Consumer<String> check) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            check.accept("mongodb://127.0.0.1:" + address.getPort());
        } finally {
            server.shutdownNow();
        }
    }
}
