package org.peakoningest.common.kafka;

import org.peakoningest.common.keys.CanonicalJson;
import org.peakoningest.common.keys.DocumentKey;

/**
 * Record keys of the contract. Every key is the UTF-8 JSON encoding of a scalar: a data record's key is its
 * document key ({@code 42}, {@code "engagement::abc::1700000000"}), a run event's key is the run id as a JSON
 * string. Equal keys land on the same partition, which is what orders versions of a document and events of a run.
 */
public final class RecordKeys {

    private RecordKeys() {}

    public static String of(DocumentKey key) {
        return key.kafkaKey();
    }

    public static String ofRun(String runId) {
        return CanonicalJson.quote(runId);
    }
}
