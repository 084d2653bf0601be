package org.peakoningest.browse.reports;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.simulator.PeakonSimulator;
import org.peakoningest.simulator.SimulatorConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated company as the pipeline lands it: the simulator's employees, answers and drivers read over its HTTP
 * API, stored with the {@code _id}s the writer gives them (whole numbers as numbers), plus the static driver catalog
 * the fetcher ships. The raw items stay available, so a test computes its expectations from them, not from Mongo.
 */
final class SimulatedCompany {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<JsonNode> employees;
    final List<JsonNode> answers;
    final List<JsonNode> drivers;

    private SimulatedCompany(List<JsonNode> employees, List<JsonNode> answers, List<JsonNode> drivers) {
        this.employees = employees;
        this.answers = answers;
        this.drivers = drivers;
    }

    static SimulatedCompany crawl(int employees, long answers) {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(employees, answers))) {
            HttpClient http = HttpClient.newHttpClient();
            String base = sim.baseUrl();
            JsonNode login = send(
                    http,
                    HttpRequest.newBuilder(URI.create(base + "/auth/application"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"sim-app-token\"}"))
                            .build());
            String bearer = login.path("data").path("id").asString();
            return new SimulatedCompany(
                    chase(http, bearer, base + "/employees?per_page=500"),
                    chase(http, bearer, base + "/answers/export?per_page=5000"),
                    chase(http, bearer, base + "/engagement/drivers"));
        }
    }

    /** Stores employees, answers, the drivers catalog and the company's drivers as the writer would. */
    void store(MongoDatabase db) throws IOException {
        insert(db, PeakonCollection.EMPLOYEES, employees);
        insert(db, PeakonCollection.ANSWERS_EXPORT, answers);
        insert(db, PeakonCollection.DRIVERS, drivers);
        List<Document> catalog = new ArrayList<>();
        List<String> lines = Files.readAllLines(
                Path.of("../fetcher-service/src/main/resources/drivers_catalog.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            catalog.add(new Document("_id", Integer.parseInt(cells[0].trim()))
                    .append("id", Long.parseLong(cells[0].trim()))
                    .append("driver", cells[1].trim())
                    .append("subdriver", cells.length > 2 && !cells[2].isBlank() ? cells[2].trim() : null));
        }
        db.getCollection(PeakonCollection.DRIVERS_CATALOG.collectionName()).insertMany(catalog);
    }

    private static void insert(MongoDatabase db, PeakonCollection collection, List<JsonNode> items) {
        List<Document> docs = new ArrayList<>();
        for (JsonNode item : items) {
            Document doc = Document.parse(item.toString());
            String id = item.path("id").asString();
            doc.put("_id", id.matches("[0-9]{1,18}") ? idValue(Long.parseLong(id)) : id);
            docs.add(doc);
        }
        db.getCollection(collection.collectionName()).insertMany(docs);
    }

    /** An Integer when it fits, else a Long: what the writer stores (common's DocumentKey). */
    private static Object idValue(long id) {
        return id == (int) id ? (Object) (int) id : (Object) id;
    }

    private static List<JsonNode> chase(HttpClient http, String bearer, String first) {
        List<JsonNode> items = new ArrayList<>();
        String url = first;
        while (url != null) {
            JsonNode page = send(
                    http,
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + bearer)
                            .GET()
                            .build());
            page.path("data").forEach(items::add);
            JsonNode next = page.path("links").path("next");
            url = next.isString() ? next.asString() : null;
        }
        return items;
    }

    private static JsonNode send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " -> " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
