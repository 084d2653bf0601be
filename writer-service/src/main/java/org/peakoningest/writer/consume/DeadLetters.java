package org.peakoningest.writer.consume;

import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Where records that cannot be written go. Must return only once they are durably there (or throw, and the batch
 * is retried without committing).
 */
public interface DeadLetters {

    void publish(List<Rejected> rejected, Consumer<?, ?> consumer);
}
