package org.peakoningest.jmh;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.RawBsonDocument;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.fetcher.crawl.FetcherPath;
import org.peakoningest.fetcher.publish.RecordPublisher;
import org.peakoningest.jmh.library.fetcher.LibraryFetcherPath;
import org.peakoningest.writer.store.DocumentMapper;
import org.peakoningest.writer.store.EnvelopeDeserializer;

/**
 * Before a trial: every variant of a path turns the inputs into the same bytes (apart from {@code fetched_at},
 * taken from the clock), so the benchmarks compare the same work.
 */
final class SameOutputs {

    private SameOutputs() {}

    static void ofFetcherPaths(SimulatedPages pages) {
        List<List<String>> outputs = new ArrayList<>();
        for (int variant = 0; variant < 2; variant++) {
            List<String> seen = new ArrayList<>();
            RecordPublisher.Batch batch = new SimulatedPages.Captured() {
                @Override
                public void publish(DocumentKey key, byte[] envelope) {
                    seen.add(key + " "
                            + new String(envelope, java.nio.charset.StandardCharsets.UTF_8)
                                    .replaceAll("\"fetched_at\":\"[^\"]*\"", ""));
                }
            };
            switch (variant) {
                case 0 ->
                    FetcherPath.publish(
                            pages.page,
                            pages.peakonCollection,
                            pages.endpoint,
                            pages.sourceUrl,
                            null,
                            null,
                            SimulatedPages.RUN_ID,
                            batch);
                default ->
                    LibraryFetcherPath.publish(
                            pages.page,
                            pages.peakonCollection,
                            pages.endpoint,
                            pages.sourceUrl,
                            null,
                            null,
                            SimulatedPages.RUN_ID,
                            batch);
            }
            outputs.add(seen);
        }
        if (!outputs.get(0).equals(outputs.get(1))) {
            throw new IllegalStateException("the fetcher variants publish different records");
        }
    }

    static void ofWriterPaths(SimulatedPages pages) {
        EnvelopeDeserializer current = new EnvelopeDeserializer();
        var library = new org.peakoningest.jmh.library.writer.EnvelopeDeserializer();
        for (int i = 0; i < pages.records.size(); i++) {
            byte[] record = pages.records.get(i);
            byte[] expected =
                    bytes(DocumentMapper.toPending(current.deserialize("t", record), pages.peakonCollection, 0, i, null)
                            .document());
            List<byte[]> others = List.of(bytes(org.peakoningest.jmh.library.writer.DocumentMapper.toPending(
                            library.deserialize("t", record), pages.peakonCollection, 0, i, null)
                    .document()));
            for (byte[] other : others) {
                if (!Arrays.equals(expected, other)) {
                    throw new IllegalStateException("the writer variants store different documents");
                }
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
