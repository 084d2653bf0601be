package org.peakoningest.embeddedstack.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.peakoningest.embeddedstack.process.ManagedProcess;

/**
 * The HTTP side of a Spring Boot service of the stack (writer, fetcher, browse): listening on 127.0.0.1 only, and
 * ready once <em>its own</em> web server bound the port and its health is UP.
 *
 * <p>Why its own log line first: a port free when the launcher checked it can be taken before the service binds it
 * (a second stack starting at the same moment prefers browse's 8000 too). The service then exits, but until it does,
 * the other stack's service answers {@code /actuator/health} UP on that port. Spring Boot logs
 * {@code Tomcat started on port N} only after its own bind, in the process's own log, so that line is the proof;
 * {@link #environment(int)} keeps the line on whatever {@code LOG_LEVEL} the user exported.
 */
final class OwnHttpServer {

    static final String LOOPBACK = "127.0.0.1";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OwnHttpServer() {}

    /**
     * The settings that put a service's web server (and its Actuator, which shares it) on {@code port} of 127.0.0.1.
     * The services' own default is every interface, which compose needs (the container network); on a laptop
     * nothing outside it should reach the writers' Actuator or the browse API.
     */
    static Map<String, String> environment(int port) {
        return Map.of(
                "SERVER_PORT",
                Integer.toString(port),
                "SERVER_ADDRESS",
                LOOPBACK,
                // Boot's "Tomcat started on port N" line is INFO: keep it whatever LOG_LEVEL says.
                "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_BOOT_TOMCAT",
                "INFO");
    }

    /** Boot's line once its web server listens on {@code port} (plain or JSON log: the message is the same). */
    static Pattern startedOn(int port) {
        return Pattern.compile("started on port " + port + "\\b");
    }

    /**
     * Waits until {@code process} logged that its web server listens on {@code port}, then until {@code health}
     * (on that port) says UP; fails as soon as the process exits.
     */
    static void await(ManagedProcess process, int port, String health, Duration timeout) throws InterruptedException {
        process.awaitLogLine(startedOn(port), timeout);
        process.awaitCondition("UP at " + health, () -> isUp(health), timeout);
    }

    static boolean isUp(String url) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (Exception notYet) {
            if (notYet instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
