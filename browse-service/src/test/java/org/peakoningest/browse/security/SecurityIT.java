package org.peakoningest.browse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peakoningest.browse.ApiClient;
import org.peakoningest.browse.BrowseApiFixture;
import org.peakoningest.browse.BrowseApplication;
import org.peakoningest.servicesupport.ConfigurationProblem;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** Nothing is served anonymously; Basic and bearer work; CORS only for the configured origin; startup guards. */
@TestPropertySource(
        properties = {
            "browse.users=alice:wonderland,bob:{noop}builder",
            "browse.cors-origin=https://ui.example.invalid",
            // every endpoint with every kind of wrong credentials: far more failures than the login throttle allows
            "browse.login-max-failures=1000"
        })
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT extends BrowseApiFixture {

    private static final List<String> ENDPOINTS = List.of(
            "/api/answers",
            "/api/answers/summary",
            "/api/answers/export.csv",
            "/api/scores/contexts",
            "/api/scores/drivers",
            "/api/employees",
            "/api/employees/facets",
            "/api/employees/1",
            "/api/orgmap",
            "/api/runs",
            "/api/scores/department-trend",
            "/api/scores/segments",
            "/actuator/info",
            "/actuator/env");

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyEndpointAnswers401WithoutValidCredentials() {
        for (String path : ENDPOINTS) {
            for (String auth : new String[] {
                null,
                "Bearer wrong-token",
                "Bearer ",
                "Bearer " + ApiClient.TOKEN + "x",
                basic("alice", "wrong"),
                basic("mallory", "wonderland"),
                "Basic !!!notbase64"
            }) {
                HttpResponse<String> response = api.get(path, Map.of(), auth);
                assertThat(response.statusCode()).as("%s with %s", path, auth).isEqualTo(401);
                assertThat(response.body()).doesNotContain("@example");
                assertThat(response.headers().firstValue("WWW-Authenticate"))
                        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            }
        }
    }

    @Test
    void healthIsPublicButShowsStatusOnly() {
        // UP once the driver has connected (a cold connection on a loaded machine can take a moment)
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> api.get("/actuator/health", Map.of(), null).statusCode() == 200);
        HttpResponse<String> health = api.get("/actuator/health", Map.of(), null);
        assertThat(ApiClient.parse(health.body()).propertyNames()).doesNotContain("components", "details");
        assertThat(ApiClient.parse(health.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void bearerTokenAndBasicUsersAreAccepted() {
        assertThat(api.get("/api/runs", Map.of()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/runs", Map.of(), basic("alice", "wonderland")).statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/runs", Map.of(), basic("bob", "builder")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> ok = api.get("/api/runs", Map.of());
        assertThat(ok.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(ok.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void writesAreNeverServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/answers"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> authenticated = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/answers"))
                        .header("Authorization", "Bearer " + ApiClient.TOKEN)
                        .method("DELETE", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(authenticated.statusCode()).isEqualTo(405);
    }

    @Test
    void corsIsGrantedToTheConfiguredOriginOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String origin : new String[] {"https://ui.example.invalid", "https://evil.example.invalid"}) {
            HttpResponse<String> preflight = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/answers"))
                            .header("Origin", origin)
                            .header("Access-Control-Request-Method", "GET")
                            .header("Access-Control-Request-Headers", "authorization")
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (origin.startsWith("https://ui.")) {
                assertThat(preflight.statusCode()).isEqualTo(200);
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                        .contains(origin);
            } else {
                assertThat(preflight.statusCode()).isEqualTo(403);
                assertThat(ApiClient.parse(preflight.body()).get("error").asString())
                        .isEqualTo("forbidden");
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                        .isEmpty();
            }
        }
    }

    @Test
    void refusesToStartWithoutCredentialsAndNamesTheSettings(CapturedOutput output) {
        assertThatThrownBy(() -> start("--browse.users=", "--browse.token=", "--browse.generate-token=false")
                        .close())
                .hasRootCauseInstanceOf(ConfigurationProblem.class)
                .rootCause()
                .hasMessageContaining("BROWSE_USERS")
                .hasMessageContaining("BROWSE_TOKEN");
        assertThatThrownBy(
                        () -> start("--browse.users=alice", "--browse.token=").close())
                .hasRootCauseInstanceOf(ConfigurationProblem.class);
    }

    @Test
    void generatedTokenIsPrintedOnceAndWorks(CapturedOutput output) {
        try (ConfigurableApplicationContext context =
                start("--browse.users=", "--browse.token=", "--browse.generate-token=true")) {
            AccessToken token = context.getBean(AccessToken.class);
            assertThat(token.generated()).isTrue();
            assertThat(token.value()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(output.getOut()).containsOnlyOnce(token.value());
            assertThat(token.toString()).doesNotContain(token.value());
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            ApiClient api = new ApiClient(port);
            assertThat(api.get("/api/runs", Map.of(), "Bearer " + token.value()).statusCode())
                    .isEqualTo(200);
            assertThat(api.get("/api/runs", Map.of(), null).statusCode()).isEqualTo(401);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] =
                "--spring.mongodb.uri=" + IntegrationInfrastructure.shared().mongoUri();
        all[args.length + 1] = "--server.port=0";
        return new SpringApplicationBuilder(BrowseApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(all);
    }
}
