package org.peakoningest.writer.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the stored versions that a later record of their key hides from compaction, as records to publish again.
 */
@Component
public class StoredVersions {

    private static final Logger log = LoggerFactory.getLogger(StoredVersions.class);

    private final MongoDatabase mongo;

    StoredVersions(MongoDatabase mongo) {
        this.mongo = mongo;
    }

    /**
     * A stored version as the record to publish: on the partition of the record that hides it, under the document's
     * record key, with its envelope ({@link StoredEnvelope}).
     *
     * @param hiddenBy the last record of the key, which is not this version
     */
    public record Hidden(KeyPosition hiddenBy, String recordKey, byte[] envelope) {}

    /**
     * The stored versions that come from an earlier record of the same partition than the given ones (one indexed
     * {@code _id $in} per collection). A key with nothing stored, stored from a later record (a later valid version
     * already followed), from another partition (its last record there is still that version) or without
     * {@code _source} (not written from the topics) is left out.
     */
    public List<Hidden> hiddenBy(List<KeyPosition> lastRecords) {
        Map<PeakonCollection, Map<Object, KeyPosition>> byCollection = new EnumMap<>(PeakonCollection.class);
        for (KeyPosition position : lastRecords) {
            byCollection
                    .computeIfAbsent(position.collection(), c -> new LinkedHashMap<>())
                    .merge(asStored(position.id()), position, (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        List<Hidden> hidden = new ArrayList<>();
        byCollection.forEach((collection, byId) -> {
            for (RawBsonDocument stored : mongo.getCollection(collection.collectionName(), RawBsonDocument.class)
                    .find(Filters.in(
                            DocumentFields.ID,
                            byId.values().stream().map(KeyPosition::id).toList()))) {
                KeyPosition last = byId.get(idOf(stored));
                if (last != null && isBefore(stored, last)) {
                    envelope(collection, stored, last).ifPresent(hidden::add);
                }
            }
        });
        return hidden;
    }

    private static Optional<Hidden> envelope(PeakonCollection collection, RawBsonDocument stored, KeyPosition last) {
        try {
            return Optional.of(new Hidden(
                    last,
                    StoredEnvelope.key(last.id()).kafkaKey(),
                    StoredEnvelope.of(collection, stored, StoredEnvelope.key(last.id()))));
        } catch (IllegalArgumentException e) {
            // Only a document changed by hand can get here; its content stays out of the log.
            log.warn(
                    "the stored {} document of the key hidden by {}@{} cannot be published again: {}",
                    collection.collectionName(),
                    last.partition(),
                    last.offset(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** An {@code _id} as MongoDB holds it: a string is UTF-8 there, so a lone surrogate reads back as {@code ?}. */
    private static Object asStored(Object id) {
        return id instanceof String text
                ? new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                : id;
    }

    private static Object idOf(RawBsonDocument stored) {
        BsonValue id = stored.get(DocumentFields.ID);
        return switch (id.getBsonType()) {
            case INT32 -> id.asInt32().getValue();
            case INT64 -> id.asInt64().getValue();
            case STRING -> id.asString().getValue();
            default -> null;
        };
    }

    private static boolean isBefore(RawBsonDocument stored, KeyPosition last) {
        BsonValue source = stored.get(DocumentFields.SOURCE);
        if (source == null || !source.isDocument()) {
            return false;
        }
        BsonValue partition = source.asDocument().get("partition");
        BsonValue offset = source.asDocument().get("offset");
        return partition != null
                && partition.isNumber()
                && partition.asNumber().intValue() == last.partition()
                && offset != null
                && offset.isNumber()
                && offset.asNumber().longValue() < last.offset();
    }
}
