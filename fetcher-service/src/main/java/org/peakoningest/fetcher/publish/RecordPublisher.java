package org.peakoningest.fetcher.publish;

import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.runs.RunEvent;

/** Where a run's records and events go: Kafka, or nowhere (a dry run counts them). */
public interface RecordPublisher {

    /** Starts publishing one collection's envelopes. */
    Batch open(PeakonCollection collection);

    /**
     * Publishes a run event and waits until it is acknowledged.
     *
     * @throws PublishException when the broker did not acknowledge it
     */
    void publish(RunEvent event);

    /** The envelopes of one collection in one run. Used by one thread. */
    interface Batch {

        /**
         * Sends an envelope asynchronously.
         *
         * @param key      the envelope's document key, also the record key
         * @param envelope the record value: a {@link org.peakoningest.common.envelope.RecordEnvelope} in JSON, as
         *                 {@link org.peakoningest.common.envelope.EnvelopeCodec} writes it; not modified afterwards
         */
        void publish(DocumentKey key, byte[] envelope);

        /**
         * Blocks until every envelope sent so far is acknowledged (or failed).
         *
         * @return envelopes acknowledged so far in this batch
         * @throws PublishException when any envelope of the batch was rejected; nothing after it may be trusted
         */
        long awaitAcknowledged();

        /** Envelopes acknowledged so far. */
        long acknowledged();

        /** Distinct document keys among the envelopes acknowledged so far (at most {@link #acknowledged()}). */
        long distinctKeys();
    }
}
