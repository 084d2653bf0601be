// THE REMOVED ALTERNATIVE, kept so the decision can be re-measured (docs/performance.md, "Per-document CPU").
// Of fetcher-service/src/main/java/org/peakoningest/fetcher/crawl/PageFetcher.java as of commit 443f9b0 only the
// nested interface the removed PageEnvelopes implements, verbatim.
package org.peakoningest.jmh.removed.fetcher;

import java.time.Instant;

class PageFetcher {

    /**
     * Receives the items of a page, with the time the page arrived (a retried fetch arrives again, later). The
     * {@link ItemCopy} is reused for the next item.
     */
    @FunctionalInterface
    interface ItemSink {
        void accept(ItemCopy item, Instant fetchedAt);
    }
}
