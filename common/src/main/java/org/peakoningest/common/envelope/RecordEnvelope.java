package org.peakoningest.common.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.InstantJson;
import org.peakoningest.common.keys.DocumentKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The value of every record on a data topic: one raw {@code data[]} item of a Peakon response and where it came from.
 * Its JSON Schema is {@code docs/contract/record-envelope.schema.json}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this version; bumped only on breaking changes
 * @param runId         the run (UUID) that fetched the item
 * @param collection    the collection name ({@link PeakonCollection#collectionName()}); a string so a consumer can
 *                      tell "unknown collection" from "unreadable record"
 * @param endpoint      the API path, e.g. {@code /answers/export}
 * @param sourceUrl     the URL of the page the item was on (never carries credentials)
 * @param fetchedAt     when the page was received; with the offset it orders versions of a document
 * @param key           the document key ({@code _id}); also the record key
 * @param driverId      the driver id used as score group, on {@code scores_by_driver} only
 * @param item          the raw item, unchanged
 */
@JsonPropertyOrder({"schema_version", "run_id", "collection", "endpoint", "source_url", "fetched_at", "key",
        "driver_id", "item"})
public record RecordEnvelope(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("run_id") String runId,
        @JsonProperty("collection") String collection,
        @JsonProperty("endpoint") String endpoint,
        @JsonProperty("source_url") String sourceUrl,
        @JsonProperty("fetched_at")
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class) Instant fetchedAt,
        @JsonProperty("key") DocumentKey key,
        @JsonProperty("driver_id") String driverId,
        @JsonProperty("item") JsonNode item) {

    public static final int SCHEMA_VERSION = 1;

    /** A version-{@value #SCHEMA_VERSION} envelope. */
    public static RecordEnvelope of(String runId, PeakonCollection collection, String endpoint, String sourceUrl,
                                    Instant fetchedAt, DocumentKey key, String driverId, JsonNode item) {
        Objects.requireNonNull(collection, "collection");
        return new RecordEnvelope(SCHEMA_VERSION, runId, collection.collectionName(), endpoint, sourceUrl,
                fetchedAt, key, driverId, item);
    }

    /**
     * Why this envelope cannot be written as a document, or empty when it can: a consumer dead-letters such a
     * record rather than guessing.
     */
    public Optional<String> defect() {
        return defectOf(runId, collection, fetchedAt, key, item != null && item.isObject());
    }

    /**
     * The {@link #defect()} rule for a consumer that reads envelopes its own way (e.g. straight into BSON, never
     * building {@link #item()} as a tree): the same checks in the same order, so both give the same reason.
     */
    public static Optional<String> defectOf(String runId, String collection, Instant fetchedAt, DocumentKey key,
                                            boolean itemIsObject) {
        if (key == null) {
            return Optional.of("envelope has no key");
        }
        if (!itemIsObject) {
            return Optional.of("envelope has no item object");
        }
        if (runId == null || runId.isBlank()) {
            return Optional.of("envelope has no run_id");
        }
        if (fetchedAt == null) {
            return Optional.of("envelope has no fetched_at");
        }
        if (PeakonCollection.fromName(collection).isEmpty()) {
            return Optional.of("unknown collection '" + collection + "'");
        }
        return Optional.empty();
    }

    /** The collection, when it is one of the contract's. */
    public Optional<PeakonCollection> knownCollection() {
        return PeakonCollection.fromName(collection);
    }
}
