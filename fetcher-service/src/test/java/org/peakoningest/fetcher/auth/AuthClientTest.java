package org.peakoningest.fetcher.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peakoningest.fetcher.http.PeakonHttp;
import org.peakoningest.fetcher.http.RateBudget;
import org.peakoningest.fetcher.http.Redactor;
import org.peakoningest.fetcher.progress.FetcherMetrics;

class AuthClientTest {

    private static final String APP_TOKEN = "app-SECRET-token";
    private @RegisterExtension static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private AuthClient client() {
        PeakonHttp http = new PeakonHttp(
                Duration.ofSeconds(5),
                new RateBudget(100, Duration.ofHours(1)),
                3,
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                new Redactor(APP_TOKEN),
                new FetcherMetrics(new SimpleMeterRegistry()));
        return new AuthClient(http, server.baseUrl() + "/api/v1", APP_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"data\":{\"id\":\"jwt-1\",\"type\":\"bearer_tokens\",\"attributes\":{\"token\":\"other\"}}}",
                "{\"token\":\"jwt-1\"}",
                "{\"access_token\":\"jwt-1\",\"token_type\":\"bearer\"}",
                "{\"data\":{\"type\":\"bearer_tokens\",\"attributes\":{\"token\":\"jwt-1\"}}}"
            })
    void everyTokenShapeIsUnderstood(String response) {
        server.stubFor(post(urlPathEqualTo("/api/v1/auth/application"))
                .withRequestBody(equalToJson("{\"token\":\"" + APP_TOKEN + "\",\"persists\":true}"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(response)));
        assertThat(client().authenticate()).isEqualTo("jwt-1");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 415, 422})
    void aRejectedJsonBodyFallsBackToAForm(int status) {
        server.stubFor(post(urlPathEqualTo("/api/v1/auth/application"))
                .withHeader("Content-Type", containing("application/json"))
                .willReturn(aResponse().withStatus(status)));
        server.stubFor(post(urlPathEqualTo("/api/v1/auth/application"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("token=" + APP_TOKEN))
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":{\"id\":\"form-jwt\"}}")));

        assertThat(client().authenticate()).isEqualTo("form-jwt");
        server.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/auth/application")));
    }

    @Test
    void anUnknownAppTokenFailsClearlyWithoutTheToken() {
        server.stubFor(post(urlPathEqualTo("/api/v1/auth/application"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withBody("{\"errors\":[{\"detail\":\"Integration " + APP_TOKEN + " not found\"}]}")));
        assertThatThrownBy(() -> client().authenticate())
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("authentication failed: app token unknown (404)");
    }

    @Test
    void aResponseWithoutATokenIsAnError() {
        server.stubFor(post(urlPathEqualTo("/api/v1/auth/application"))
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":{\"type\":\"bearer_tokens\"}}")));
        assertThatThrownBy(() -> client().authenticate())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("without a bearer token");
    }
}
