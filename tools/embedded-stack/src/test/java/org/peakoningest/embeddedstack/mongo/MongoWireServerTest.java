package org.peakoningest.embeddedstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peakoningest.embeddedstack.process.JavaCommand;

/** The Mongo-wire server's main, run as its own JVM as the launcher runs it. */
class MongoWireServerTest {

    @TempDir
    Path dir;

    @Test
    void aTakenPortEndsTheServerAtOnceWithOneLineNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Path out = dir.resolve("out");
            Path err = dir.resolve("err");
            Process server = new ProcessBuilder(JavaCommand.mainClass(
                                    "mongo", System.getProperty("java.class.path"), MongoWireServer.class.getName())
                            // The test classpath also has Kafka's log4j binding; the launcher's has only this one.
                            .withJvmOptions(
                                    "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                                    "-Dslf4j.internal.verbosity=WARN",
                                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                            .withArguments("--port", Integer.toString(port))
                            .commandLine())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            try {
                // The launcher waits for the ready line; a server that neither serves nor exits would hold it up.
                assertThat(server.waitFor(10, TimeUnit.SECONDS))
                        .as("the server exited by itself")
                        .isTrue();
            } finally {
                server.destroyForcibly();
            }

            assertThat(server.exitValue()).isEqualTo(MongoWireServer.PORT_IN_USE);
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).doesNotContain(MongoWireServer.READY_MARKER);
            List<String> errors = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
            assertThat(errors).containsExactly("mongo-wire server: port " + port + " on 127.0.0.1 is already in use");
        }
    }
}
