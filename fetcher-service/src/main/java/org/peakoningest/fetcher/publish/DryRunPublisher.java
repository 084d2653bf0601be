package org.peakoningest.fetcher.publish;

import java.util.concurrent.atomic.AtomicLong;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.runs.RunEvent;

/** A dry run: every envelope counts as if acknowledged, nothing leaves the process. */
public class DryRunPublisher implements RecordPublisher {

    @Override
    public Batch open(PeakonCollection collection) {
        AtomicLong counted = new AtomicLong();
        DistinctKeys keys = new DistinctKeys();
        return new Batch() {
            @Override
            public void publish(DocumentKey key, byte[] envelope) {
                counted.incrementAndGet();
                keys.add(key);
            }

            @Override
            public long distinctKeys() {
                return keys.count();
            }

            @Override
            public long awaitAcknowledged() {
                return counted.get();
            }

            @Override
            public long acknowledged() {
                return counted.get();
            }
        };
    }

    @Override
    public void publish(RunEvent event) {
        // a dry run tells nobody
    }
}
