package org.peakoningest.jmh.library.fetcher;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.fetcher.publish.RecordPublisher;

/**
 * The library alternative's per-document path, exactly as {@code org.peakoningest.fetcher.crawl.FetcherPath} runs
 * the current one (not a copy of product code: the harness around the library classes of this package).
 */
public final class LibraryFetcherPath {

    private LibraryFetcherPath() {}

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
