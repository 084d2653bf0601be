package org.peakoningest.jmh;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.RawBsonDocument;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.fetcher.publish.RecordPublisher;

/**
 * Before a trial: every variant of a path turns the inputs into the same bytes (apart from {@code fetched_at},
 * taken from the clock), so the benchmarks compare the same work.
 */
final class SameOutputs {

    private SameOutputs() {}

    static void ofFetcherPaths(SimulatedPages pages) {
        List<List<String>> outputs = new ArrayList<>();
        for (int variant = 0; variant < Paths.VARIANTS; variant++) {
            List<String> seen = new ArrayList<>();
            RecordPublisher.Batch batch = new SimulatedPages.Captured() {
                @Override
                public void publish(DocumentKey key, byte[] envelope) {
                    seen.add(key + " "
                            + new String(envelope, java.nio.charset.StandardCharsets.UTF_8)
                                    .replaceAll("\"fetched_at\":\"[^\"]*\"", ""));
                }
            };
            Paths.publish(variant, pages, batch);
            outputs.add(seen);
        }
        if (!outputs.get(0).equals(outputs.get(1))) {
            throw new IllegalStateException("the fetcher variants publish different records");
        }
    }

    static void ofWriterPaths(SimulatedPages pages) {
        Paths paths = new Paths();
        for (int i = 0; i < pages.records.size(); i++) {
            if (!Arrays.equals(
                    bytes(paths.document(Paths.CURRENT, pages, i)), bytes(paths.document(Paths.LIBRARY, pages, i)))) {
                throw new IllegalStateException("the writer variants store different documents");
            }
        }
    }

    private static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
