package org.peakoningest.jmh.removed.writer;

import org.bson.RawBsonDocument;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.EnvelopeCodec;
import org.peakoningest.common.envelope.EnvelopeHeader;
import org.peakoningest.common.keys.DocumentKey;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Harness (not a copy of product code): the removed BSON path ({@link JsonToBson}, {@link BsonBytes},
 * {@link StoredDocuments}) behind the current {@link EnvelopeCodec} reader and {@link Timestamps}. It tells what the
 * hand-written BSON encoder alone saves, apart from the removed envelope reader.
 */
public final class HandBsonBehindCodec {

    private static final EnvelopeCodec.Decoder<ItemBson> DECODER = EnvelopeCodec.decoder(
            new EnvelopeCodec.ItemReader<>() {
                @Override
                public ItemBson read(JsonParser parser, DocumentKey key, String collection) {
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        return null;
                    }
                    return JsonToBson.convert(parser);
                }

                @Override
                public boolean usesKeyAndCollection() {
                    return false;
                }
            });

    private HandBsonBehindCodec() {
    }

    /** The stored document of a record value (the benchmark's inputs have no member named twice). */
    public static RawBsonDocument document(byte[] record, PeakonCollection collection, int partition, long offset) {
        EnvelopeCodec.Decoded<ItemBson> decoded = DECODER.decode(record);
        EnvelopeHeader h = decoded.header();
        DecodedEnvelope envelope = new DecodedEnvelope(h.runId(), h.collection(), h.endpoint(), h.sourceUrl(),
                h.fetchedAt(), h.key(), h.driverId(), decoded.item(), record);
        return StoredDocuments.of(envelope, Timestamps.format(h.fetchedAt()), collection, partition, offset);
    }
}
