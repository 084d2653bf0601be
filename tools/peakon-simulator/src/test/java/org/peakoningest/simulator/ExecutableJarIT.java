package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** The packaged jar runs with plain {@code java -jar}, reads {@code SIM_*} env vars and stops on SIGTERM. */
class ExecutableJarIT {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void thePackagedJarStartsWithJavaDashJarHonoursEnvAndFlagsAndStopsOnSigterm() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("peakon-simulator-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--employees", "30"))
                .redirectErrorStream(true);
        builder.environment().put("SIM_PORT", "0");
        builder.environment().put("SIM_ANSWERS", "1234");
        builder.environment().put("SIM_EMPLOYEES", "999"); // the flag wins
        builder.environment().put("SIM_APP_TOKEN", "from-env");
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            String ready = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            long readyMillis = (System.nanoTime() - started) / 1_000_000;
            Matcher m = Pattern.compile("^peakon-simulator listening on (http://127\\.0\\.0\\.1:\\d+/api/v1) "
                            + "\\(app token: from-env\\)$")
                    .matcher(String.valueOf(ready));
            assertThat(m.matches()).as("ready line: " + ready).isTrue();
            assertThat(readyMillis).as("start-up time").isLessThan(5_000);

            SimClient client = new SimClient(m.group(1));
            JsonNode expected =
                    client.get(m.group(1).replace("/api/v1", "/_sim/expected")).json();
            assertThat(expected.path("collections").path("answers_export").longValue())
                    .isEqualTo(1234);
            assertThat(expected.path("collections").path("employees").longValue())
                    .isEqualTo(30);
            client.login("from-env");
            assertThat(client.chase("/answers/export?per_page=500")).hasSize(1234);

            process.destroy(); // SIGTERM: the shutdown hook closes the server
            assertThat(process.waitFor(10, TimeUnit.SECONDS))
                    .as("exited after SIGTERM")
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
    }
}
