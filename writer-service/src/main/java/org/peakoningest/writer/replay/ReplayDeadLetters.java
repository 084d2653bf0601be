package org.peakoningest.writer.replay;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.peakoningest.writer.consume.DeadLetters;
import org.peakoningest.writer.consume.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * During a replay, records that cannot be written are counted and logged, not published: the live writer already
 * put them on the dead-letter topic when it first read them, and a replay must not duplicate them there.
 */
@Component
@ReplayCommand
class ReplayDeadLetters implements DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ReplayDeadLetters.class);
    private final AtomicLong count = new AtomicLong();

    @Override
    public void publish(List<Rejected> rejected, Consumer<?, ?> consumer) {
        for (Rejected r : rejected) {
            count.incrementAndGet();
            log.warn(
                    "replay skips {}-{}@{} (not re-published to the dead-letter topic)",
                    r.record().topic(),
                    r.record().partition(),
                    r.record().offset());
        }
    }

    long count() {
        return count.get();
    }
}
