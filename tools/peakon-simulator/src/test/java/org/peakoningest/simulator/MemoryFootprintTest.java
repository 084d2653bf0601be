package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * The simulator in its own JVM with a 64 MB heap serves a million answers at per_page=20000: answers are generated
 * by index and streamed, so the heap never holds a page. Also proves the executable's ready line.
 */
class MemoryFootprintTest {

    private static final JsonFactory JSON = new JsonFactory();

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aMillionAnswersStreamFromA64MbHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = location(PeakonSimulator.class)
                + File.pathSeparator
                + location(JsonFactory.class)
                + File.pathSeparator
                + location(picocli.CommandLine.class);
        Process server = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        classpath,
                        "org.peakoningest.simulator.Main",
                        "--port",
                        "0",
                        "--answers",
                        "1000000",
                        "--request-budget",
                        "0")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            Matcher m = Pattern.compile("^peakon-simulator listening on (http://\\S+/api/v1) \\(app token: (\\S+)\\)$")
                    .matcher(String.valueOf(ready));
            assertThat(m.matches()).as("ready line: " + ready).isTrue();
            SimClient login = new SimClient(m.group(1));
            String bearer = login.login(m.group(2));

            HttpClient http = HttpClient.newHttpClient();
            String url = m.group(1) + "/answers/export?per_page=20000";
            long count = 0;
            long lastId = -1;
            int pages = 0;
            long started = System.nanoTime();
            long after200k = 0;
            while (url != null) {
                HttpResponse<InputStream> r = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + bearer)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).isEqualTo(200);
                String next = null;
                try (JsonParser p = JSON.createParser(r.body())) {
                    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                        if (t == JsonToken.PROPERTY_NAME && p.currentName().equals("answerId")) {
                            long id = p.nextLongValue(-1);
                            assertThat(id).isGreaterThan(lastId);
                            lastId = id;
                            count++;
                        } else if (t == JsonToken.PROPERTY_NAME
                                && p.currentName().equals("next")) {
                            next = p.nextStringValue();
                        }
                    }
                }
                url = next;
                if (++pages == 10) {
                    after200k = System.nanoTime() - started;
                }
            }
            long total = System.nanoTime() - started;
            System.out.printf(
                    "simulator (-Xmx64m, SerialGC): 200k answers in %d ms, 1M answers in %d ms%n",
                    after200k / 1_000_000, total / 1_000_000);

            assertThat(count).isEqualTo(1_000_000);
            assertThat(pages).isEqualTo(50);
            assertThat(login.get(m.group(1).replace("/api/v1", "/_sim/stats"))
                            .json()
                            .path("distinct")
                            .path("answers_export")
                            .longValue())
                    .isEqualTo(1_000_000);
            assertThat(server.isAlive())
                    .as("the server survived (no OutOfMemoryError)")
                    .isTrue();
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
