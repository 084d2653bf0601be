package org.peakoningest.fetcher.crawl;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.fetcher.publish.RecordPublisher;

/**
 * The fetcher's per-document path as it runs in the crawl ({@code Crawler.chase} minus HTTP): a page's bytes read by
 * {@link PageReader}, each item keyed and encoded by {@link PageEnvelopes}, handed to the batch. In the fetcher's
 * package (this jar is not the fetcher's) because those classes are package-private.
 */
public final class FetcherPath {

    private FetcherPath() {}

    /** Publishes every item of {@code page} to {@code batch}; returns how many there were. */
    public static int publish(
            byte[] page,
            PeakonCollection collection,
            String endpoint,
            String sourceUrl,
            String context,
            String driverId,
            String runId,
            RecordPublisher.Batch batch) {
        PageEnvelopes envelopes =
                new PageEnvelopes(runId, collection, endpoint, sourceUrl, context, driverId, batch, null);
        Instant fetchedAt = Timestamps.now();
        return PageReader.read(new ByteArrayInputStream(page), item -> envelopes.accept(item, fetchedAt))
                .items();
    }
}
