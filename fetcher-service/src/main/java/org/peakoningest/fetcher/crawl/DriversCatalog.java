package org.peakoningest.fetcher.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.EnvelopeCodec;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.keys.DocumentKeys;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.fetcher.publish.PublishException;
import org.peakoningest.fetcher.publish.RecordPublisher;
import tools.jackson.databind.node.ObjectNode;

/**
 * The static driver catalog ({@code drivers_catalog.csv}, shipped in the jar), published on every run so a replay
 * of the topic rebuilds the collection. Items are {@code {"id": 1527152, "driver": "Engagement", "subdriver": null}}.
 */
public final class DriversCatalog {

    private static final String SOURCE = "static:drivers_catalog.csv";
    private static final String RESOURCE = "/drivers_catalog.csv";

    private DriversCatalog() {}

    private static List<ObjectNode> items() {
        try (InputStream in = DriversCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("drivers_catalog.csv is missing from the jar");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            if (lines.isEmpty() || !lines.get(0).trim().equalsIgnoreCase("id,driver,subdriver")) {
                throw new IllegalStateException("drivers_catalog.csv must start with 'id,driver,subdriver'");
            }
            List<ObjectNode> items = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                String sub = cells.length > 2 ? cells[2].trim() : "";
                items.add(ContractJson.mapper()
                        .createObjectNode()
                        .put("id", Long.parseLong(cells[0].trim()))
                        .put("driver", cells[1].trim())
                        .put("subdriver", sub.isEmpty() ? null : sub));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the catalog as one page of the run. */
    public static CollectionStats publish(RunContext run) {
        RecordPublisher.Batch batch = run.publisher().open(PeakonCollection.DRIVERS_CATALOG);
        try {
            EnvelopeCodec.Encoder envelopes = EnvelopeCodec.encoder(
                    run.runId(), PeakonCollection.DRIVERS_CATALOG, SOURCE, SOURCE, Timestamps.now(), null);
            for (ObjectNode item : items()) {
                DocumentKey key = DocumentKeys.keyOf(PeakonCollection.DRIVERS_CATALOG, item, null);
                batch.publish(key, envelopes.encode(key, generator -> generator.writeTree(item)));
            }
            long published = batch.awaitAcknowledged();
            return new CollectionStats(CollectionStatus.SUCCESS, published, 1, List.of(), null, batch.distinctKeys());
        } catch (PublishException | IllegalStateException e) {
            return new CollectionStats(
                    CollectionStatus.FAILED, batch.acknowledged(), 0, List.of(), e.getMessage(), batch.distinctKeys());
        }
    }
}
