package org.peakoningest.writer.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.RecordEnvelope;
import tools.jackson.databind.JsonNode;

/**
 * The reference for the writer's stored documents, built the plain way: the envelope read by the contract's own
 * reader, its item as a JSON tree (a member named twice: the last value, at the first one's place), turned into a
 * driver {@link Document} with pymongo's number rules and encoded by the driver's {@link DocumentCodec}. Texts are
 * what {@link String#getBytes} makes of them (a lone surrogate becomes {@code ?}).
 */
final class ReferenceDocuments {

    private static final Set<String> REPLACED =
            Set.of("_id", "fetched_at", "run_id", "endpoint", "source_url", "_source");

    private ReferenceDocuments() {}

    /** The stored document's bytes; throws what the driver throws for what MongoDB cannot hold. */
    static byte[] of(RecordEnvelope envelope, PeakonCollection collection, int partition, long offset) {
        boolean byDriver = collection == PeakonCollection.SCORES_BY_DRIVER;
        Document document = new Document("_id", value(envelope.key().mongoValue()));
        for (Map.Entry<String, JsonNode> member : envelope.item().properties()) {
            if (!REPLACED.contains(member.getKey())
                    && !(byDriver && member.getKey().equals("driver_id"))) {
                document.append(text(member.getKey()), value(member.getValue()));
            }
        }
        document.append("fetched_at", Timestamps.format(envelope.fetchedAt()))
                .append("run_id", text(envelope.runId()))
                .append("endpoint", text(envelope.endpoint()))
                .append("source_url", text(envelope.sourceUrl()));
        if (byDriver) {
            document.append("driver_id", text(envelope.driverId()));
        }
        document.append("_source", new Document("partition", partition).append("offset", offset));
        BasicOutputBuffer out = new BasicOutputBuffer();
        new DocumentCodec()
                .encode(
                        new BsonBinaryWriter(out),
                        document,
                        EncoderContext.builder().build());
        return out.toByteArray();
    }

    /** An item (a JSON object) alone, as the writer stores its members (not the ones it replaces). */
    static Document item(JsonNode item) {
        Document document = (Document) value(item);
        REPLACED.forEach(document::remove);
        return document;
    }

    /** Whether MongoDB can hold the item (not an object: nothing to hold). */
    static boolean storable(JsonNode item) {
        if (item == null || !item.isObject()) {
            return true;
        }
        try {
            new DocumentCodec()
                    .encode(
                            new BsonBinaryWriter(new BasicOutputBuffer()),
                            item(item),
                            EncoderContext.builder().build());
            return true;
        } catch (RuntimeException cannot) {
            return false;
        }
    }

    static Object value(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (!(value instanceof JsonNode node)) {
            return value;
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Document document = new Document();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                document.append(text(member.getKey()), value(member.getValue()));
            }
            return document;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(value(element)));
            return list;
        }
        if (node.isString()) {
            return text(node.stringValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            return node.canConvertToLong() ? node.longValue() : new Decimal128(new BigDecimal(node.bigIntegerValue()));
        }
        return node.doubleValue();
    }

    private static String text(String s) {
        return s == null ? null : new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
