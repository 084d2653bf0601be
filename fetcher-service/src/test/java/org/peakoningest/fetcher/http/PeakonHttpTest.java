package org.peakoningest.fetcher.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.fetcher.progress.FetcherMetrics;

class PeakonHttpTest {

    private static final String SECRET = "bearer-SECRET-xyz";
    private @RegisterExtension static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private PeakonHttp http(int maxAttempts, RateBudget budget) {
        Redactor redactor = new Redactor("app-token");
        redactor.remember(SECRET);
        return new PeakonHttp(
                Duration.ofSeconds(5),
                budget,
                maxAttempts,
                Duration.ofMillis(20),
                Duration.ofMillis(100),
                redactor,
                new FetcherMetrics(registry));
    }

    private String fetch(PeakonHttp http, String path) {
        return http.send(
                PeakonHttp.Request.get(URI.create(server.baseUrl() + path), SECRET),
                in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void twoServerErrorsThenSuccess() {
        server.stubFor(get(urlPathEqualTo("/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("one"));
        server.stubFor(get(urlPathEqualTo("/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs("one")
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("two"));
        server.stubFor(get(urlPathEqualTo("/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs("two")
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));

        assertThat(fetch(http(6, new RateBudget(100, Duration.ofHours(1))), "/flaky"))
                .isEqualTo("{\"ok\":true}");
        server.verify(3, getRequestedFor(urlPathEqualTo("/flaky")));
        assertThat(registry.get("peakon.fetcher.retries").counter().count()).isEqualTo(2);
        assertThat(registry.get("peakon.fetcher.requests").counter().count()).isEqualTo(3);
    }

    @Test
    void tooManyRequestsHonoursRetryAfterSeconds() {
        server.stubFor(get(urlPathEqualTo("/limited"))
                .inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
                .willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/limited"))
                .inScenario("429")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("done")));

        long start = System.nanoTime();
        assertThat(fetch(http(6, new RateBudget(100, Duration.ofHours(1))), "/limited"))
                .isEqualTo("done");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        List<LoggedRequest> requests = server.findAll(getRequestedFor(urlPathEqualTo("/limited")));
        assertThat(requests).hasSize(2);
        long gap = requests.get(1).getLoggedDate().getTime()
                - requests.get(0).getLoggedDate().getTime();
        assertThat(gap).as("ms between the 429 and the retry").isGreaterThanOrEqualTo(1990);
        assertThat(registry.get("peakon.fetcher.rate.limited").counter().count())
                .as("429s counted")
                .isEqualTo(1);
    }

    @Test
    void exhaustedAttemptsFailWithStatusAndExcerptButNeverTheToken() {
        server.stubFor(get(urlPathEqualTo("/down"))
                .willReturn(aResponse()
                        .withStatus(502)
                        .withBody("upstream error for Authorization: Bearer " + SECRET + " please retry")));

        assertThatThrownBy(() -> fetch(http(3, new RateBudget(100, Duration.ofHours(1))), "/down"))
                .isInstanceOfSatisfying(PeakonHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage())
                            .contains("GET /down answered HTTP 502", "upstream error")
                            .doesNotContain(SECRET);
                });
        server.verify(3, getRequestedFor(urlPathEqualTo("/down")));
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.stubFor(get(urlPathEqualTo("/bad"))
                .willReturn(aResponse().withStatus(422).withBody("nope")));
        assertThatThrownBy(() -> fetch(http(6, new RateBudget(100, Duration.ofHours(1))), "/bad"))
                .isInstanceOfSatisfying(
                        PeakonHttpException.class, e -> assertThat(e.status()).isEqualTo(422));
        server.verify(1, getRequestedFor(urlPathEqualTo("/bad")));
    }

    @Test
    void connectionErrorsAreRetriedThenReported() {
        PeakonHttp http = http(2, new RateBudget(100, Duration.ofHours(1)));
        assertThatThrownBy(() ->
                        http.send(PeakonHttp.Request.get(URI.create("http://127.0.0.1:1/x"), SECRET), in -> "never"))
                .hasMessageContaining("127.0.0.1:1");
        assertThat(registry.get("peakon.fetcher.requests").counter().count()).isEqualTo(2);
    }

    @Test
    void theRateBudgetHoldsUnderACrawlThatWouldExceedIt() {
        server.stubFor(get(urlPathEqualTo("/page"))
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        RateBudget budget = new RateBudget(10, Duration.ofSeconds(2));
        PeakonHttp http = http(6, budget);

        long start = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            fetch(http, "/page");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // 25 requests at 9 per 2 s (10 less the margin): requests 19..25 cannot start before 4 s.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        List<Long> at = server.findAll(getRequestedFor(urlPathEqualTo("/page"))).stream()
                .map(r -> r.getLoggedDate().getTime())
                .sorted()
                .toList();
        assertThat(at).hasSize(25);
        for (long from : at) {
            // Counted as Peakon counts: by arrival. A permit is stamped when the answer starts, after the arrival,
            // so the whole window holds (whole milliseconds on both sides keep a gap of 2,000 ms or more).
            long inWindow =
                    at.stream().filter(t -> t >= from && t < from + 2000).count();
            assertThat(inWindow).as("requests within 2 s from %d", from).isLessThanOrEqualTo(10);
        }
    }
}
