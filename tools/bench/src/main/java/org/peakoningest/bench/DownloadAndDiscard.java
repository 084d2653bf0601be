package org.peakoningest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measurement 1, the limit of the crawl: every page of the company, fetched sequentially like the fetcher and thrown
 * away unparsed. Only the end of each body is looked at, for {@code links.next} (the simulator writes {@code links}
 * after {@code data}); items are counted by the simulator ({@code /_sim/stats}), not here.
 */
final class DownloadAndDiscard {

    record Result(long bytes, int requests, double seconds) {}

    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
    private static final int TAIL = 4096;

    static Result run(SimulatedPeakon peakon, int perPage, tools.jackson.databind.JsonNode expected) {
        long start = System.nanoTime();
        String bearer = peakon.bearerToken(BenchMain.APP_TOKEN);
        long bytes = 0;
        int requests = 1;
        byte[] buffer = new byte[1 << 16];
        byte[] tail = new byte[TAIL];
        for (SimulatedPeakon.Endpoint endpoint : peakon.crawlEndpoints(perPage, expected)) {
            URI next = endpoint.first();
            while (next != null) {
                int tailLength = 0;
                requests++;
                try (InputStream body = peakon.open(next, bearer)) {
                    int n;
                    while ((n = body.read(buffer)) > 0) {
                        bytes += n;
                        // keep the last TAIL bytes seen
                        if (n >= TAIL) {
                            System.arraycopy(buffer, n - TAIL, tail, 0, TAIL);
                            tailLength = TAIL;
                        } else {
                            int keep = Math.min(tailLength, TAIL - n);
                            System.arraycopy(tail, tailLength - keep, tail, 0, keep);
                            System.arraycopy(buffer, 0, tail, keep, n);
                            tailLength = keep + n;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Matcher matcher = NEXT.matcher(new String(tail, 0, tailLength, StandardCharsets.UTF_8));
                next = matcher.find() ? URI.create(matcher.group(1)) : null;
            }
        }
        return new Result(bytes, requests, (System.nanoTime() - start) / 1e9);
    }

    private DownloadAndDiscard() {}
}
