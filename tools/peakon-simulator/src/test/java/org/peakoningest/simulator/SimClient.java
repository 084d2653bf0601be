package org.peakoningest.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the simulator, as a crawler would use it. */
final class SimClient {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    record Response(int status, HttpHeaders headers, byte[] body) {
        JsonNode json() {
            return MAPPER.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String bearer;

    SimClient(String base) {
        this.base = base;
    }

    Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** GET an absolute URL or a path under the base, with the bearer token if logged in. */
    Response get(String urlOrPath) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(urlOrPath.startsWith("http") ? urlOrPath : base + urlOrPath))
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    /** Logs in with the JSON body; returns the bearer token. */
    String login(String appToken) {
        Response r = post("/auth/application", "application/json", "{\"token\":\"" + appToken + "\"}");
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.status() + " " + r.text());
        }
        bearer = r.json().path("data").path("id").stringValue();
        return bearer;
    }

    void bearer(String token) {
        bearer = token;
    }

    /** Follows {@code links.next} from {@code first} to the end; returns every {@code data[]} item. */
    List<JsonNode> chase(String first) {
        List<JsonNode> items = new ArrayList<>();
        String url = first;
        while (url != null) {
            Response r = get(url);
            if (r.status() != 200) {
                throw new IllegalStateException(url + " -> " + r.status() + " " + r.text());
            }
            JsonNode page = r.json();
            page.path("data").forEach(items::add);
            JsonNode next = page.path("links").path("next");
            url = next.isString() ? next.stringValue() : null;
        }
        return items;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
