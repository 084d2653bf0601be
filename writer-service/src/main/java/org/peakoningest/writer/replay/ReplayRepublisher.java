package org.peakoningest.writer.replay;

import java.util.List;
import org.peakoningest.writer.consume.Republisher;
import org.peakoningest.writer.store.KeyPosition;
import org.springframework.stereotype.Component;

/**
 * During a replay nothing is published: the live writer already published the stored version again when it first
 * read those records, and a replay writes another database, whose documents must not go to the topics.
 */
@Component
@ReplayCommand
class ReplayRepublisher implements Republisher {

    @Override
    public void republish(List<KeyPosition> lastRecords) {
        // nothing: see the class comment
    }
}
