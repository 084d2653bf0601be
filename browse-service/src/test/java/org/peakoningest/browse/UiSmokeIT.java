package org.peakoningest.browse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The browser smoke test ({@code ui/e2e/smoke.mjs}: sign-in; answers name/department columns, blanks last, every
 * filter family, date-range and empty-state messages, withheld wording; scores chart up to the newest month with named
 * series and the series picker, segment charts; org map labels never overlapping on 500 people, Fit, search, collapse,
 * people who left; runs with skipped requests and their filters; no JavaScript error) in headless Chromium against the built UI served by this module, on the
 * {@link UiDemo} data. It needs the UI built (the default build; {@code -Dskip.ui=true} skips it, and so this test)
 * and a Chromium ({@code apt-get install -y chromium}, or {@code CHROMIUM_PATH}). Without Chromium it is skipped
 * with the reason, unless {@code UI_E2E_REQUIRED} is set, as CI ({@code .ci/run}) does: there it fails.
 */
class UiSmokeIT {

    private static final String TOKEN = "smoke-token";
    /** A viewer (aggregates only): the script signs in as them too and checks what the UI hides. */
    private static final String VIEWER = "vera";

    private static final String VIEWER_PASSWORD = "vera-password-for-the-smoke-test";
    private static final String VIEWER_TOKEN = "smoke-viewer-token";
    private static final Path UI = Path.of("ui").toAbsolutePath();

    private static MongoServer mongo;
    private static ConfigurableApplicationContext browse;

    @BeforeAll
    static void browseOnTheDemoData() {
        Assumptions.assumeTrue(
                UiSmokeIT.class.getResource("/static/index.html") != null,
                "the UI is not built (-Dskip.ui=true): nothing to test in a browser");
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            String reason = "no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)";
            assertThat(System.getenv("UI_E2E_REQUIRED"))
                    .as("UI_E2E_REQUIRED is set but there is " + reason)
                    .isNull();
            Assumptions.abort(reason);
        }
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            UiDemo.seed(client.getDatabase("peakon"));
        }
        browse = new SpringApplicationBuilder(BrowseApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.mongodb.uri=" + uri,
                        "--spring.mongodb.database=peakon",
                        "--browse.token=" + TOKEN,
                        "--browse.viewer-token=" + VIEWER_TOKEN,
                        "--browse.users=demo:demo-password-for-the-smoke-test," + VIEWER + ":" + VIEWER_PASSWORD
                                + ":viewer");
    }

    @AfterAll
    static void stop() {
        if (browse != null) {
            browse.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    void everyCheckOfTheSmokeTestPassesInHeadlessChromium() throws IOException, InterruptedException {
        List<String> passed = run("smoke.mjs", "ui-e2e.log");
        assertThat(passed)
                .anyMatch(line -> line.contains("signed in"))
                .anyMatch(line -> line.contains("no JavaScript errors"));
    }

    /** The Reports tab ({@code ui/e2e/reports.mjs}, issue #17): an analyst's three reports and a viewer's headcount. */
    @Test
    void everyCheckOfTheReportsScriptPassesInHeadlessChromium() throws IOException, InterruptedException {
        List<String> passed = run("reports.mjs", "ui-e2e-reports.log");
        assertThat(passed)
                .anyMatch(line -> line.contains("a viewer is offered the headcount only"))
                .anyMatch(line -> line.contains("no JavaScript errors (viewer)"));
    }

    /**
     * Runs {@code ui/e2e/<script>} against the service and requires it to end in time, with status 0, no failed check
     * and one passed check per {@code check(} of the script (a check that silently stops running lowers the count).
     *
     * @return the passed checks' lines
     */
    private static List<String> run(String script, String logName) throws IOException, InterruptedException {
        String port = browse.getEnvironment().getProperty("local.server.port");
        Path log = Path.of("target", logName).toAbsolutePath();
        ProcessBuilder node = new ProcessBuilder("node", "e2e/" + script)
                .directory(UI.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BROWSE_URL", "http://127.0.0.1:" + port);
        node.environment().put("BROWSE_TOKEN", TOKEN);
        node.environment().put("BROWSE_VIEWER_TOKEN", VIEWER_TOKEN);
        node.environment().put("VIEWER_USER", VIEWER);
        node.environment().put("VIEWER_PASSWORD", VIEWER_PASSWORD);
        node.environment().put("CHROMIUM_PATH", chromium().orElseThrow().toString());
        node.environment()
                .put("SCREENSHOT_DIR", Path.of("target", "ui-screenshots").toAbsolutePath() + "/");
        Process process = node.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(ended)
                .as("%s ended within 5 minutes; output:%n%s", script, output)
                .isTrue();
        assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
        assertThat(output).doesNotContain("FAILED");
        List<String> passed =
                output.lines().filter(line -> line.startsWith("ok - ")).toList();
        assertThat(passed).as("checks passed; output:%n%s", output).hasSizeGreaterThanOrEqualTo((int)
                checksIn(UI.resolve("e2e/" + script)));
        return passed;
    }

    /** How many checks the script makes: its statements that start with {@code check(}. */
    private static long checksIn(Path script) throws IOException {
        return Files.readString(script)
                .lines()
                .filter(line -> line.stripLeading().startsWith("check("))
                .count();
    }

    private static Optional<Path> chromium() {
        String configured = System.getenv("CHROMIUM_PATH");
        Stream<String> candidates = configured != null && !configured.isBlank()
                ? Stream.of(configured)
                : Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        return candidates.map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
