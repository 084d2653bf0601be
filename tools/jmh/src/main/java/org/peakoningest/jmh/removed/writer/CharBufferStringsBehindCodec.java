package org.peakoningest.jmh.removed.writer;

import org.bson.RawBsonDocument;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.EnvelopeCodec;
import org.peakoningest.common.envelope.EnvelopeHeader;
import tools.jackson.core.JsonToken;

/**
 * Harness (not a copy of product code): the writer's path as it is, except that item strings are encoded to UTF-8
 * from the parser's character buffer ({@link JsonToBson} and {@link BsonBytes} of this package, as removed) instead
 * of {@code String.getBytes}. It tells what that removed part alone saved.
 */
public final class CharBufferStringsBehindCodec {

    private static final EnvelopeCodec.Decoder<ItemBson> DECODER = EnvelopeCodec.decoder(parser -> {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        return JsonToBson.convert(parser);
    });

    private CharBufferStringsBehindCodec() {}

    /** The stored document of a record value (the benchmark's inputs have no member named twice). */
    public static RawBsonDocument document(byte[] record, PeakonCollection collection, int partition, long offset) {
        EnvelopeCodec.Decoded<ItemBson> decoded = DECODER.decode(record);
        EnvelopeHeader h = decoded.header();
        DecodedEnvelope envelope = new DecodedEnvelope(
                h.runId(),
                h.collection(),
                h.endpoint(),
                h.sourceUrl(),
                h.fetchedAt(),
                h.key(),
                h.driverId(),
                decoded.item(),
                record);
        return StoredDocuments.of(envelope, Timestamps.format(h.fetchedAt()), collection, partition, offset);
    }
}
