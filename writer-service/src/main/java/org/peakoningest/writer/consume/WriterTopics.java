package org.peakoningest.writer.consume;

import java.util.ArrayList;
import java.util.List;
import org.peakoningest.common.TopicNames;
import org.springframework.stereotype.Component;

/**
 * The topics this writer reads: every data topic and the run-events topic, all named by the contract.
 */
@Component
public record WriterTopics(TopicNames names) {

    /** What the listener subscribes to. */
    public List<String> subscribed() {
        List<String> topics = new ArrayList<>(names.dataTopics());
        topics.add(names.runEventsTopic());
        return List.copyOf(topics);
    }

    public boolean isRunEvents(String topic) {
        return names.runEventsTopic().equals(topic);
    }

    /** Dead-letter topics of every subscribed topic. */
    public List<String> deadLetterTopics() {
        return subscribed().stream().map(names::deadLetterTopic).toList();
    }
}
