package org.peakoningest.common.envelope;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.keys.DocumentKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The value of every record on a data topic: one raw {@code data[]} item of a Peakon response and where it came from.
 * Its JSON Schema is {@code docs/contract/record-envelope.schema.json}; its JSON is written and read by
 * {@link EnvelopeCodec} (also when a mapper (de)serialises this record).
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
@JsonSerialize(using = EnvelopeCodec.RecordEnvelopeSerializer.class)
@JsonDeserialize(using = EnvelopeCodec.RecordEnvelopeDeserializer.class)
public record RecordEnvelope(
        int schemaVersion,
        String runId,
        String collection,
        String endpoint,
        String sourceUrl,
        Instant fetchedAt,
        DocumentKey key,
        String driverId,
        JsonNode item) {

    public static final int SCHEMA_VERSION = 1;

    /** A version-{@value #SCHEMA_VERSION} envelope. */
    public static RecordEnvelope of(
            String runId,
            PeakonCollection collection,
            String endpoint,
            String sourceUrl,
            Instant fetchedAt,
            DocumentKey key,
            String driverId,
            JsonNode item) {
        Objects.requireNonNull(collection, "collection");
        return new RecordEnvelope(
                SCHEMA_VERSION,
                runId,
                collection.collectionName(),
                endpoint,
                sourceUrl,
                fetchedAt,
                key,
                driverId,
                item);
    }

    /**
     * Why this envelope cannot be written as a document, or empty when it can: a consumer dead-letters such a
     * record rather than guessing.
     */
    public Optional<String> defect() {
        return defectOf(schemaVersion, runId, collection, fetchedAt, key, item != null && item.isObject());
    }

    /**
     * The {@link #defect()} rule, also for a consumer that reads envelopes its own way ({@link EnvelopeHeader}):
     * the same checks in the same order, so both give the same reason.
     */
    public static Optional<String> defectOf(
            int schemaVersion,
            String runId,
            String collection,
            Instant fetchedAt,
            DocumentKey key,
            boolean itemIsObject) {
        // A newer schema may mean anything (fields renamed, the item reshaped): never read it as this one.
        if (schemaVersion > SCHEMA_VERSION) {
            return Optional.of("envelope schema_version " + schemaVersion + " is newer than this consumer reads ("
                    + SCHEMA_VERSION + ")");
        }
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
