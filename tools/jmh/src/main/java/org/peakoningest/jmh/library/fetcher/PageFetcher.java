// THE LIBRARY ALTERNATIVE, not adopted, kept so the decision can be re-measured (docs/performance.md,
// "Per-document CPU"). A verbatim copy of fetcher-service/src/main/java/org/peakoningest/fetcher/crawl/PageFetcher.java
// as of commit f02cdfe;
// only the package line and the imports changed. Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.library.fetcher;

import java.net.URI;
import java.time.Instant;
import org.peakoningest.common.Timestamps;
import org.peakoningest.fetcher.auth.BearerTokens;
import org.peakoningest.fetcher.http.PeakonHttp;
import org.peakoningest.fetcher.http.PeakonHttpException;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Fetches one page with the run's bearer token and streams its items to a sink. A 401 re-authenticates once and
 * retries the call once; a second 401 fails it.
 */
class PageFetcher {

    /** Receives the items of a page, with the time the page arrived (a retried fetch arrives again, later). */
    @FunctionalInterface
    interface ItemSink {
        void accept(TokenBuffer item, Instant fetchedAt);
    }

    private final PeakonHttp http;
    private final BearerTokens tokens;

    PageFetcher(PeakonHttp http, BearerTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    PageReader.Page fetch(URI uri, boolean persistToken, ItemSink sink) {
        String token = tokens.current(persistToken);
        try {
            return fetchWith(uri, token, sink);
        } catch (PeakonHttpException e) {
            if (e.status() != 401) {
                throw e;
            }
            String fresh = tokens.refresh(token, persistToken);
            return fetchWith(uri, fresh, sink);
        }
    }

    private PageReader.Page fetchWith(URI uri, String token, ItemSink sink) {
        return http.send(PeakonHttp.Request.get(uri, token), body -> {
            Instant fetchedAt = Timestamps.now();
            return PageReader.read(body, item -> sink.accept(item, fetchedAt));
        });
    }
}
