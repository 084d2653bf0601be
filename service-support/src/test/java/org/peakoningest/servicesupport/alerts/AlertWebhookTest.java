package org.peakoningest.servicesupport.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peakoningest.servicesupport.ConfigurationProblem;

class AlertWebhookTest {

    private static final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private static final Alert FAILED = Alert.of("run_failed", "run r-1 ended failed: authentication failed")
            .with("run_id", "r-1")
            .with("status", "failed")
            .with("published", 17);

    @BeforeAll
    static void start() {
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @BeforeEach
    void reset() {
        receiver.resetAll();
    }

    private AlertWebhook webhook() {
        return new AlertWebhook(receiver.baseUrl() + "/hook", "fetcher", Duration.ofMillis(50));
    }

    @Test
    void postsASlackCompatibleTextWithTheAlertsFieldsAsJson() {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
        try (AlertWebhook webhook = webhook()) {
            webhook.send(FAILED);
        }
        receiver.verify(
                1,
                postRequestedFor(urlEqualTo("/hook"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson("""
                                {"text": "run r-1 ended failed: authentication failed", "service": "fetcher",
                                 "event": "run_failed", "run_id": "r-1", "status": "failed", "published": 17}
                                """)));
    }

    @Test
    void aServerErrorIsRetriedWithBackoffUntilTheWebhookTakesTheAlert() {
        receiver.stubFor(post("/hook")
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("once"));
        receiver.stubFor(post("/hook")
                .inScenario("flaky")
                .whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        receiver.stubFor(post("/hook")
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        try (AlertWebhook webhook = webhook()) {
            webhook.send(FAILED);
        }
        receiver.verify(3, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void aWebhookThatKeepsFailingIsGivenUpAfterFiveAttemptsWithoutThrowing() {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(500)));
        try (AlertWebhook webhook = webhook()) {
            webhook.send(FAILED);
        }
        receiver.verify(5, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void aClientErrorIsNotRetried() {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(404)));
        try (AlertWebhook webhook = webhook()) {
            webhook.send(FAILED);
        }
        receiver.verify(1, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void sendingNeverWaitsForTheWebhook() {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        try (AlertWebhook webhook =
                new AlertWebhook(receiver.baseUrl() + "/hook", "fetcher", Duration.ofMillis(50), Duration.ZERO)) {
            long start = System.nanoTime();
            for (int i = 0; i < AlertWebhook.QUEUE + 50; i++) {
                webhook.send(FAILED); // the queue overflows: the surplus is dropped, the caller is not held
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.getAllServeEvents().size() >= 1);
        }
    }

    @Test
    void anInvalidUrlIsAConfigurationErrorThatDoesNotQuoteIt() {
        assertThatThrownBy(() -> new AlertWebhook("https://hooks example/T0/SECRET", "writer"))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessage("ALERT_WEBHOOK_URL is not a valid http(s) URL");
    }

    @Test
    void withoutAUrlAlertsAreOnlyLogged() {
        try (AlertWebhook webhook = new AlertWebhook(" ", "writer")) {
            assertThat(webhook.enabled()).isFalse();
            webhook.send(FAILED);
        }
        assertThat(receiver.getAllServeEvents()).isEmpty();
    }
}
