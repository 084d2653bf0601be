package org.peakoningest.fetcher.crawl;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.EnvelopeCodec;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.keys.DocumentKeys;
import org.peakoningest.fetcher.publish.RecordPublisher;
import tools.jackson.databind.JsonNode;

/**
 * Publishes the items of one page as envelopes: the key comes from the item's key parts (its whole tree is built
 * only when the key is the hash fallback), the envelope ({@link EnvelopeCodec}) carries the item's copied JSON text
 * as it is, behind header fields that are encoded once per fetch of the page. An item of an erased person is not
 * published, only counted ({@link ErasureFilter}).
 */
final class PageEnvelopes {

    private final String runId;
    private final PeakonCollection collection;
    private final String endpoint;
    private final String sourceUrl;
    private final String context;
    private final String driverId;
    private final RecordPublisher.Batch batch;
    private final Consumer<JsonNode> alsoSee;
    private final ErasureFilter erasure;
    private long erased;
    private Instant headerFetchedAt;
    private EnvelopeCodec.Encoder encoder;
    private long maxNumericKey = Long.MIN_VALUE;

    /**
     * @param context the key context ({@link DocumentKeys#keyOf})
     * @param alsoSee gets each item's tree after it was published, or null: building that tree costs what this
     *                class saves, so only small collections ask for it
     */
    PageEnvelopes(
            String runId,
            PeakonCollection collection,
            String endpoint,
            String sourceUrl,
            String context,
            String driverId,
            RecordPublisher.Batch batch,
            Consumer<JsonNode> alsoSee) {
        this(runId, collection, endpoint, sourceUrl, context, driverId, batch, alsoSee, ErasureFilter.NONE);
    }

    /** @param erasure the items not to publish, because they belong to an erased person */
    PageEnvelopes(
            String runId,
            PeakonCollection collection,
            String endpoint,
            String sourceUrl,
            String context,
            String driverId,
            RecordPublisher.Batch batch,
            Consumer<JsonNode> alsoSee,
            ErasureFilter erasure) {
        this.runId = runId;
        this.collection = collection;
        this.endpoint = endpoint;
        this.sourceUrl = sourceUrl;
        this.context = context;
        this.driverId = driverId;
        this.batch = batch;
        this.alsoSee = alsoSee;
        this.erasure = erasure;
    }

    /** Publishes one item of a page that arrived at {@code fetchedAt}; {@code item} is reused once this returns. */
    void accept(ItemCopy item, Instant fetchedAt) {
        if (erasure.skips(item)) {
            erased++;
            return;
        }
        DocumentKey key = DocumentKeys.naturalKeyOf(collection, item.keyParts(), context)
                .orElseGet(() -> DocumentKeys.keyOf(collection, item.tree(), context));
        batch.publish(key, encoderAt(fetchedAt).encode(key, item.json(), 0, item.length()));
        if (key instanceof DocumentKey.Numeric numeric) {
            maxNumericKey = Math.max(maxNumericKey, numeric.value());
        }
        if (alsoSee != null) {
            alsoSee.accept(item.tree());
        }
    }

    /** Items of this page not published because their person is erased. */
    long erased() {
        return erased;
    }

    /** The largest numeric key published from this page (for the cursor), if any. */
    OptionalLong maxNumericKey() {
        return maxNumericKey == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(maxNumericKey);
    }

    private EnvelopeCodec.Encoder encoderAt(Instant fetchedAt) {
        if (!fetchedAt.equals(headerFetchedAt)) {
            encoder = EnvelopeCodec.encoder(runId, collection, endpoint, sourceUrl, fetchedAt, driverId);
            headerFetchedAt = fetchedAt;
        }
        return encoder;
    }
}
