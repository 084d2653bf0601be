package org.peakoningest.jmh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.fetcher.crawl.FetcherPath;
import org.peakoningest.fetcher.publish.RecordPublisher;
import org.peakoningest.simulator.PeakonSimulator;
import org.peakoningest.simulator.SimulatorConfig;

/**
 * The inputs: one page of {@value #ITEMS} items as the simulator serves it (its own generator, started in-process
 * with the bench's company: 2,000 employees, seed 42), and the record values the fetcher publishes for them.
 */
@State(Scope.Benchmark)
public class SimulatedPages {

    /** Items per page; {@code @OperationsPerInvocation} of every benchmark (the figures are per document). */
    public static final int ITEMS = 1000;

    static final String RUN_ID = "7f9c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f";

    /** The collections that make up nearly all documents of a crawl (answers: 99 % at 200k). */
    @Param({"answers_export", "employees"})
    public String collection;

    PeakonCollection peakonCollection;
    String endpoint;
    String sourceUrl;
    /** The page's body as served. */
    byte[] page;
    /** The record values the fetcher publishes for the page's items, in order. */
    List<byte[]> records;
    /** Their bytes in total, for the record (sizes are real). */
    long recordBytes;

    @Setup(Level.Trial)
    public void fetch() throws IOException, InterruptedException {
        peakonCollection = PeakonCollection.fromName(collection).orElseThrow();
        endpoint = switch (peakonCollection) {
            case ANSWERS_EXPORT -> "/answers/export";
            case EMPLOYEES -> "/employees";
            default -> throw new IllegalArgumentException("no page of " + collection + " is measured");
        };
        try (PeakonSimulator simulator = PeakonSimulator.start(SimulatorConfig.defaults(2000, 200_000))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest auth = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/auth/application"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\""
                            + SimulatorConfig.defaults(2000, 200_000).appToken() + "\",\"persists\":false}"))
                    .build();
            String bearer = ContractJson.mapper()
                    .readTree(http.send(auth, HttpResponse.BodyHandlers.ofByteArray())
                            .body())
                    .path("data")
                    .path("id")
                    .stringValue();
            sourceUrl = simulator.baseUrl() + endpoint + "?per_page=" + ITEMS;
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(sourceUrl))
                            .header("Authorization", "Bearer " + bearer)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + sourceUrl + " answered " + response.statusCode());
            }
            page = response.body();
        }
        Captured captured = new Captured();
        int items = FetcherPath.publish(page, peakonCollection, endpoint, sourceUrl, null, null, RUN_ID, captured);
        if (items != ITEMS || captured.values.size() != ITEMS) {
            throw new IllegalStateException("the page has " + items + " items, not " + ITEMS);
        }
        records = captured.values;
        recordBytes = records.stream().mapToLong(r -> r.length).sum();
        System.out.printf(
                "%n%s: page %,d bytes, %d items, record values %,d bytes (%,d per record)%n",
                collection, page.length, items, recordBytes, recordBytes / items);
    }

    /** A batch that keeps what it is given. */
    static class Captured implements RecordPublisher.Batch {
        final List<byte[]> values = new ArrayList<>();

        @Override
        public void publish(DocumentKey key, byte[] envelope) {
            values.add(envelope);
        }

        @Override
        public long awaitAcknowledged() {
            return values.size();
        }

        @Override
        public long acknowledged() {
            return values.size();
        }

        @Override
        public long distinctKeys() {
            return values.size();
        }
    }
}
