package org.peakoningest.jmh.removed.fetcher;

import java.io.ByteArrayInputStream;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.EnvelopeCodec;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.keys.DocumentKeys;
import org.peakoningest.fetcher.publish.RecordPublisher;

/**
 * Harness (not a copy of product code): the removed item copy ({@link ItemCopy}: JSON text + captured key parts)
 * in front of the current {@link EnvelopeCodec} encoder, the copied text spliced in as it is. It tells what the
 * hand-written copy alone saves, apart from the removed envelope bytes.
 */
public final class HandCopyBehindCodec {

    private HandCopyBehindCodec() {
    }

    /** Publishes every item of {@code page} to {@code batch}; returns how many there were. */
    public static int publish(byte[] page, PeakonCollection collection, String endpoint, String sourceUrl,
                              String context, String driverId, String runId, RecordPublisher.Batch batch) {
        EnvelopeCodec.Encoder encoder = EnvelopeCodec.encoder(runId, collection, endpoint, sourceUrl,
                Timestamps.now(), driverId);
        return PageReader.read(new ByteArrayInputStream(page), item -> {
            DocumentKey key = DocumentKeys.naturalKeyOf(collection, item.keyParts(), context)
                    .orElseGet(() -> DocumentKeys.keyOf(collection, item.tree(), context));
            batch.publish(key, encoder.encode(key, item.json(), 0, item.length()));
        }).items();
    }
}
