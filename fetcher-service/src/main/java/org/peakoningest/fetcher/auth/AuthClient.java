package org.peakoningest.fetcher.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.fetcher.http.PeakonHttp;
import org.peakoningest.fetcher.http.PeakonHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /auth/application}: JSON body first ({@code {"token": ..., "persists": true}}), the form-encoded body
 * when the JSON one is rejected as such (400, 415, 422).
 */
class AuthClient {

    private static final Logger log = LoggerFactory.getLogger(AuthClient.class);
    private static final Set<Integer> BODY_REJECTED = Set.of(400, 415, 422);
    private static final int NOT_FOUND = 404;
    static final String UNKNOWN_APP_TOKEN = "authentication failed: app token unknown (404)";
    /**
     * Where the bearer token may be, in order of preference. The real API returns a {@code bearer_tokens} resource
     * whose {@code data.id} is the JWT; the other shapes are the brief's tolerant fallbacks.
     */
    private static final List<String> TOKEN_LOCATIONS =
            List.of("/data/id", "/token", "/access_token", "/data/attributes/token");

    private final PeakonHttp http;
    private final URI authUri;
    private final String appToken;

    AuthClient(PeakonHttp http, String baseUrl, String appToken) {
        this.http = http;
        this.authUri = URI.create(baseUrl + "/auth/application");
        this.appToken = appToken;
    }

    /** A fresh bearer token. */
    String authenticate() {
        try {
            try {
                return post(MediaType.APPLICATION_JSON, jsonBody());
            } catch (PeakonHttpException e) {
                if (!BODY_REJECTED.contains(e.status())) {
                    throw e;
                }
                log.info("authentication with a JSON body was rejected (HTTP {}); retrying form-encoded", e.status());
                return post(
                        MediaType.APPLICATION_FORM_URLENCODED,
                        "token=" + URLEncoder.encode(appToken, StandardCharsets.UTF_8) + "&persists=true");
            }
        } catch (PeakonHttpException e) {
            if (e.status() == NOT_FOUND) {
                // Peakon's one answer to an app token it does not know; the run reports exactly this, the hint
                // for the operator goes to the log.
                log.error(
                        "Peakon does not know the app token (HTTP 404 from POST {}); check PEAKON_APP_TOKEN",
                        authUri.getRawPath());
                throw new AuthenticationException(UNKNOWN_APP_TOKEN, e);
            }
            throw new AuthenticationException("authentication failed: " + e.getMessage(), e);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AuthenticationException("authentication failed: " + e.getMessage(), e);
        }
    }

    private String post(MediaType type, String body) {
        JsonNode response = http.send(
                PeakonHttp.Request.post(authUri, type, body),
                in -> ContractJson.mapper().readTree(in));
        for (String pointer : TOKEN_LOCATIONS) {
            JsonNode token = response.at(pointer);
            if (token.isString() && !token.stringValue().isBlank()) {
                return token.stringValue().trim();
            }
        }
        throw new AuthenticationException(
                "authentication answered without a bearer token (looked at " + TOKEN_LOCATIONS + ")", null);
    }

    private String jsonBody() {
        ObjectNode body = ContractJson.mapper().createObjectNode();
        body.put("token", appToken);
        body.put("persists", true);
        return body.toString();
    }
}
