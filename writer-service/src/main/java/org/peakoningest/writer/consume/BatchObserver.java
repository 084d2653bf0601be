package org.peakoningest.writer.consume;

import org.apache.kafka.clients.consumer.Consumer;

/**
 * Told, on the consumer thread, after a batch has been written (before its offsets are committed). The replay
 * command uses it to see when it has reached the end offsets.
 */
public interface BatchObserver {

    void batchWritten(Consumer<?, ?> consumer);
}
