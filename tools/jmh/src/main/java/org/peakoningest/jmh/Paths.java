package org.peakoningest.jmh;

import org.bson.RawBsonDocument;
import org.peakoningest.fetcher.crawl.FetcherPath;
import org.peakoningest.fetcher.publish.RecordPublisher;
import org.peakoningest.jmh.library.fetcher.LibraryFetcherPath;
import org.peakoningest.writer.store.DocumentMapper;
import org.peakoningest.writer.store.EnvelopeDeserializer;

/**
 * The two variants of each per-document path, as every benchmark and {@link SameOutputs} run them: {@link #CURRENT}
 * (the product's code) and {@link #LIBRARY} (its library alternative, in {@code library}).
 */
final class Paths {

    static final int CURRENT = 0;
    static final int LIBRARY = 1;
    static final int VARIANTS = 2;

    private final EnvelopeDeserializer currentReader = new EnvelopeDeserializer();
    private final org.peakoningest.jmh.library.writer.EnvelopeDeserializer libraryReader =
            new org.peakoningest.jmh.library.writer.EnvelopeDeserializer();

    /** The fetcher's path: every item of the page keyed, enveloped and handed to {@code batch}; returns the count. */
    static int publish(int variant, SimulatedPages pages, RecordPublisher.Batch batch) {
        return variant == CURRENT
                ? FetcherPath.publish(
                        pages.page,
                        pages.peakonCollection,
                        pages.endpoint,
                        pages.sourceUrl,
                        null,
                        null,
                        SimulatedPages.RUN_ID,
                        batch)
                : LibraryFetcherPath.publish(
                        pages.page,
                        pages.peakonCollection,
                        pages.endpoint,
                        pages.sourceUrl,
                        null,
                        null,
                        SimulatedPages.RUN_ID,
                        batch);
    }

    /** The writer's path: the {@code index}-th record value → the document that goes to {@code bulkWrite}. */
    RawBsonDocument document(int variant, SimulatedPages pages, int index) {
        byte[] record = pages.records.get(index);
        return variant == CURRENT
                ? DocumentMapper.toPending(
                                currentReader.deserialize("t", record), pages.peakonCollection, 0, index, null)
                        .document()
                : org.peakoningest.jmh.library.writer.DocumentMapper.toPending(
                                libraryReader.deserialize("t", record), pages.peakonCollection, 0, index, null)
                        .document();
    }
}
