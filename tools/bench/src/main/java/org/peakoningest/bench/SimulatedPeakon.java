package org.peakoningest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKeys;
import tools.jackson.databind.JsonNode;

/**
 * The bench's own client of the simulated Peakon: its control endpoints ({@code /_sim/*}), the bearer token, and
 * the list of first pages a complete crawl requests (the same endpoints, in the same order, as the fetcher).
 */
final class SimulatedPeakon {

    /** One endpoint of a complete crawl: the collection it fills, its path and first URL, and the key context. */
    record Endpoint(PeakonCollection collection, String path, URI first, String context, String driverId) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String apiBase;
    private final String root;

    SimulatedPeakon(String apiBase) {
        this.apiBase = apiBase;
        this.root = apiBase.substring(0, apiBase.indexOf("/api/v1"));
    }

    HttpClient http() {
        return http;
    }

    JsonNode expected() {
        return getJson(URI.create(root + "/_sim/expected"), null);
    }

    JsonNode stats() {
        return getJson(URI.create(root + "/_sim/stats"), null);
    }

    void resetStats() {
        send(
                HttpRequest.newBuilder(URI.create(root + "/_sim/reset-stats"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                204);
    }

    /** The fetcher's default score parameters (PEAKON_SCORES_INTERVAL, _PARTICIPATION, _OBSERVATIONS). */
    private static final String SCORES_QUERY = "?interval=all&participation=true&observations=false";

    /** Exchanges the simulator's application token for a bearer token, as the fetcher does. */
    String bearerToken(String appToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + "/auth/application"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + appToken + "\",\"persists\":true}"))
                .build();
        return ContractJson.mapper()
                .readTree(send(request, 200))
                .path("data")
                .path("id")
                .stringValue();
    }

    /**
     * Every first page of a complete crawl, with the query the fetcher sends: answers at {@code perPage}, employees,
     * drivers and every score request with the whole history and participation (as the fetcher's defaults,
     * {@code PEAKON_SCORES_*}), the segments, and the engagement scores of each Department and Sub-Department segment.
     */
    List<Endpoint> crawlEndpoints(int perPage, JsonNode expected) {
        String company = "company_" + expected.path("companyId").asString();
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(endpoint(PeakonCollection.ANSWERS_EXPORT, "/answers/export", "?per_page=" + perPage, null, null));
        endpoints.add(endpoint(PeakonCollection.EMPLOYEES, "/employees", "", null, null));
        endpoints.add(endpoint(PeakonCollection.DRIVERS, "/engagement/drivers", SCORES_QUERY, null, null));
        String contexts = "/scores/contexts/" + company + "/group/engagement";
        endpoints.add(endpoint(PeakonCollection.SCORES_CONTEXTS, contexts, SCORES_QUERY, "engagement", null));
        List<String> unprocessable = new ArrayList<>();
        expected.path("unprocessableGroups").forEach(n -> unprocessable.add(n.asString()));
        for (JsonNode driver : expected.path("driverIds")) {
            String id = driver.asString();
            if (!unprocessable.contains(id)) {
                endpoints.add(endpoint(
                        PeakonCollection.SCORES_BY_DRIVER,
                        "/scores/contexts/" + company + "/group/" + id,
                        SCORES_QUERY,
                        id,
                        id));
            }
        }
        endpoints.add(endpoint(PeakonCollection.SEGMENTS, "/segments", "", null, null));
        List<String> unprocessableSegments = new ArrayList<>();
        expected.path("unprocessableSegments").forEach(n -> unprocessableSegments.add(n.asString()));
        for (JsonNode context : expected.path("segmentContexts")) {
            String segment = context.asString();
            if (!unprocessableSegments.contains(segment)) {
                endpoints.add(endpoint(
                        PeakonCollection.SEGMENT_SCORES,
                        "/scores/contexts/" + segment + "/group/engagement",
                        SCORES_QUERY,
                        DocumentKeys.segmentContext("engagement", segment.substring("segment_".length())),
                        null));
            }
        }
        return endpoints;
    }

    private Endpoint endpoint(PeakonCollection collection, String path, String query, String context, String driverId) {
        return new Endpoint(collection, path, URI.create(apiBase + path + query), context, driverId);
    }

    /** A GET with the bearer token whose body the caller streams; fails unless 200. */
    InputStream open(URI uri, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body = new String(response.body().readAllBytes());
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                        + body.substring(0, Math.min(300, body.length())));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    JsonNode getJson(URI uri, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return ContractJson.mapper().readTree(send(request.build(), 200));
    }

    /** {@code distinct} of /_sim/stats (or {@code collections} of /_sim/expected) as collection → count. */
    static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            counts.put(e.getKey(), e.getValue().asLong());
        }
        return counts;
    }

    private String send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(
                        request.method() + " " + request.uri() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
