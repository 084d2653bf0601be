// THE REMOVED ALTERNATIVE, kept so the decision can be re-measured (docs/performance.md, "Per-document CPU").
// A verbatim copy of fetcher-service/src/main/java/org/peakoningest/fetcher/crawl/PageEnvelopes.java as of commit
// 443f9b0; only the package line and the imports changed.
// Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.removed.fetcher;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.keys.DocumentKeys;
import org.peakoningest.fetcher.publish.RecordPublisher;
import org.peakoningest.jmh.removed.common.EnvelopeBytes;
import tools.jackson.databind.JsonNode;

/**
 * Publishes the items of one page as envelopes: the key comes from the item's key parts (its whole tree is built
 * only when the key is the hash fallback), the envelope is the item's copied JSON text behind header fields that
 * are encoded once per fetch of the page.
 */
final class PageEnvelopes implements PageFetcher.ItemSink {

    private final String runId;
    private final PeakonCollection collection;
    private final String endpoint;
    private final String sourceUrl;
    private final String context;
    private final String driverId;
    private final RecordPublisher.Batch batch;
    private final Consumer<JsonNode> alsoSee;
    private Instant headerFetchedAt;
    private EnvelopeBytes header;
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
        this.runId = runId;
        this.collection = collection;
        this.endpoint = endpoint;
        this.sourceUrl = sourceUrl;
        this.context = context;
        this.driverId = driverId;
        this.batch = batch;
        this.alsoSee = alsoSee;
    }

    @Override
    public void accept(ItemCopy item, Instant fetchedAt) {
        DocumentKey key = DocumentKeys.naturalKeyOf(collection, item.keyParts(), context)
                .orElseGet(() -> DocumentKeys.keyOf(collection, item.tree(), context));
        batch.publish(key, headerAt(fetchedAt).write(key, item.json(), 0, item.length()));
        if (key instanceof DocumentKey.Numeric numeric) {
            maxNumericKey = Math.max(maxNumericKey, numeric.value());
        }
        if (alsoSee != null) {
            alsoSee.accept(item.tree());
        }
    }

    /** The largest numeric key published from this page (for the cursor), if any. */
    OptionalLong maxNumericKey() {
        return maxNumericKey == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(maxNumericKey);
    }

    private EnvelopeBytes headerAt(Instant fetchedAt) {
        if (!fetchedAt.equals(headerFetchedAt)) {
            header = EnvelopeBytes.header(runId, collection, endpoint, sourceUrl, fetchedAt, driverId);
            headerFetchedAt = fetchedAt;
        }
        return header;
    }
}
