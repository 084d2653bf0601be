package org.peakoningest.fetcher.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peakoningest.common.keys.DocumentKey;

class DistinctKeysTest {

    @Test
    void aDocumentPublishedTwiceCountsOnce() {
        DistinctKeys keys = new DistinctKeys();
        for (long id = 1; id <= 100_000; id++) {
            keys.add(DocumentKey.of(id));
        }
        for (long id = 50_001; id <= 60_000; id++) {
            keys.add(DocumentKey.of(id)); // a page re-read after a failure mid-stream
        }
        assertThat(keys.count()).isEqualTo(100_000);
    }

    @Test
    void numericAndTextKeysAreDifferentDocuments() {
        DistinctKeys keys = new DistinctKeys();
        keys.add(DocumentKey.of(42));
        keys.add(DocumentKey.of("42"));
        keys.add(DocumentKey.of("42"));
        keys.add(DocumentKey.of(Long.MIN_VALUE));
        keys.add(DocumentKey.of(Long.MIN_VALUE));
        keys.add(DocumentKey.of(0));
        assertThat(keys.count()).isEqualTo(4);
    }
}
