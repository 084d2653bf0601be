package org.peakoningest.browse.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peakoningest.browse.ApiClient;
import org.peakoningest.browse.BrowseApiFixture;
import org.peakoningest.browse.RawHttp;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Every error the service produces — from Tomcat's request parser up to an unexpected exception in a controller — is
 * the one documented body {@code {"error": ..., "message": ...}} as JSON, never an HTML page, a stack trace, an
 * exception's text or the offending value; a client's mistake is no ERROR in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorResponsesIT extends BrowseApiFixture {

    private static final String BEARER = "Authorization: Bearer " + ApiClient.TOKEN;
    private static final String SECRET = "zq-secret-value-zq";

    @Test
    void illegalCharactersInTheQueryAreAJson400(CapturedOutput output) {
        // Tomcat rejects '[' and '$' in the request target before any servlet sees the request
        RawHttp.Response response = RawHttp.get(port, "/api/answers?department[$ne]=" + SECRET, BEARER);
        assertError(response, 400, "bad_request", SECRET);
        assertThat(response.body()).doesNotContain("$ne");
        assertQuietLog(output, SECRET);
    }

    @Test
    void aMalformedPathIsAJson400(CapturedOutput output) {
        // Tomcat's URI decoding (a broken %-escape, an encoded NUL) and Spring Security's firewall (an encoded slash,
        // a path parameter, "..") reject these; neither gets near a controller
        for (String target : new String[] {
            "/api/" + SECRET + "%E0%A4%A",
            "/api/" + SECRET + "%",
            "/api/" + SECRET + "%00",
            "/api/" + SECRET + "%2Fruns",
            "/api/runs;" + SECRET,
            "/api/x/%2E%2E/runs?" + SECRET
        }) {
            assertError(RawHttp.get(port, target, BEARER), 400, "bad_request", SECRET);
        }
        assertQuietLog(output, SECRET);
    }

    @Test
    void anOversizedUrlIsAJson400(CapturedOutput output) {
        RawHttp.Response response = RawHttp.get(port, "/api/answers?q=" + SECRET + "x".repeat(9_000), BEARER);
        assertError(response, 400, "bad_request", SECRET);
        assertQuietLog(output, SECRET);
    }

    @Test
    void anOversizedHeaderIsAJson400(CapturedOutput output) {
        RawHttp.Response response = RawHttp.get(port, "/api/runs", BEARER, "X-Padding: " + SECRET + "y".repeat(9_000));
        assertError(response, 400, "bad_request", SECRET);
        assertQuietLog(output, SECRET);
    }

    @Test
    void aMalformedPercentEscapeIsAJson400WithoutAnErrorInTheLog(CapturedOutput output) {
        for (String query : new String[] {"q=" + SECRET + "%E0%A4%A", "q=" + SECRET + "%", "q=" + SECRET + "%zz"}) {
            for (String path : new String[] {"/api/answers", "/api/runs", "/actuator/prometheus"}) {
                assertError(RawHttp.get(port, path + "?" + query, BEARER), 400, "bad_request", SECRET);
            }
        }
        assertQuietLog(output, SECRET);
    }

    @Test
    void anUnknownPathIsAJson404EvenForABrowser(CapturedOutput output) {
        for (String accept : new String[] {"Accept: application/json", "Accept: text/html", "Accept: */*"}) {
            assertError(RawHttp.get(port, "/api/nope-" + SECRET, BEARER, accept), 404, "not_found", SECRET);
        }
        assertQuietLog(output, SECRET);
    }

    @Test
    void aPathOutsideTheApiAndTheUiIsAJson403ForAnAuthenticatedCaller() {
        assertError(RawHttp.get(port, "/nope-" + SECRET, BEARER), 403, "forbidden", SECRET);
    }

    @Test
    void withoutCredentialsItIsTheJson401() {
        assertError(RawHttp.get(port, "/api/nope-" + SECRET), 401, "unauthorized", SECRET);
    }

    @Test
    void aWriteIsAJson405() {
        assertError(RawHttp.send("127.0.0.1", port, "DELETE", "/api/answers", BEARER), 405, "method_not_allowed", "");
        assertError(
                RawHttp.send("127.0.0.1", port, "POST", "/api/runs", BEARER, "Content-Length: 0"),
                405,
                "method_not_allowed",
                "");
    }

    @Test
    void anUnacceptableMediaTypeIsAJson406() {
        assertError(RawHttp.get(port, "/api/runs", BEARER, "Accept: image/png"), 406, "not_acceptable", "");
    }

    @Test
    void anUnexpectedFailureIsAJson500WithAGenericMessage() {
        RawHttp.Response response = RawHttp.get(port, "/api/test-failure", BEARER);
        assertError(response, 500, "internal_server_error", SECRET);
        assertThat(response.body()).doesNotContain("IllegalStateException");
    }

    /** A JSON {@code {error, message}} body and nothing else: no HTML, no exception, no stack, no echo. */
    static void assertError(RawHttp.Response response, int status, String error, String echo) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
        JsonNode body = ApiClient.parse(response.body());
        assertThat(body.propertyNames()).as(response.body()).containsExactlyInAnyOrder("error", "message");
        assertThat(body.get("error").asString()).isEqualTo(error);
        assertThat(body.get("message").asString()).isNotBlank();
        assertThat(response.body())
                .doesNotContainIgnoringCase("<html")
                .doesNotContain("Exception", "\tat ", "Tomcat", "Apache");
        if (!echo.isEmpty()) {
            assertThat(response.body()).doesNotContain(echo);
        }
    }

    /** A client's mistake: no ERROR line, no stack trace, and never the value it sent. */
    static void assertQuietLog(CapturedOutput output, String value) {
        assertThat(output.getAll())
                .doesNotContain(value)
                .doesNotContain(" ERROR ")
                .doesNotContain("\tat ");
    }

    @TestConfiguration
    static class FailingEndpoint {

        @Bean
        Failing failing() {
            return new Failing();
        }
    }

    @RestController
    static class Failing {

        @GetMapping("/api/test-failure")
        String fail() {
            throw new IllegalStateException("failed on " + SECRET);
        }
    }
}
