package org.peakoningest.writer.consume;

import java.util.ArrayList;
import java.util.List;
import org.peakoningest.common.TopicNames;
import org.springframework.stereotype.Component;

/**
 * The topics this writer reads: every data topic, the run-events topic and the erasures topic, all named by the
 * contract.
 */
@Component
public record WriterTopics(TopicNames names) {

    /** What the listener subscribes to. */
    public List<String> subscribed() {
        List<String> topics = new ArrayList<>(names.dataTopics());
        topics.add(names.runEventsTopic());
        topics.add(names.erasuresTopic());
        return List.copyOf(topics);
    }

    public boolean isRunEvents(String topic) {
        return names.runEventsTopic().equals(topic);
    }

    public boolean isErasures(String topic) {
        return names.erasuresTopic().equals(topic);
    }

    /** Dead-letter topics of every subscribed topic. */
    public List<String> deadLetterTopics() {
        return subscribed().stream().map(names::deadLetterTopic).toList();
    }
}
