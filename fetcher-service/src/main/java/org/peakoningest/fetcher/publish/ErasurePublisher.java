package org.peakoningest.fetcher.publish;

import java.util.List;

/**
 * The records of an erasure (issue #14): tombstones on the data topics and the erasure register's records. Built, like
 * every record of the fetcher, by {@link KafkaRecordPublisher}; every method waits for Kafka's acknowledgements.
 */
public interface ErasurePublisher {

    /**
     * Publishes a tombstone (null value) for every key, each on the partition its records are on, so that compaction
     * removes exactly those records whatever the topic's partition count is now.
     *
     * @return tombstones acknowledged (all of them, or it throws)
     * @throws PublishException when Kafka did not acknowledge every one
     */
    long tombstones(String topic, List<PartitionKey> keys);

    /**
     * Publishes an erasure record on the erasures topic, or with a null value the tombstone that lifts it.
     *
     * @throws PublishException when Kafka did not acknowledge it
     */
    void erasure(String key, byte[] value);

    /**
     * A record key as it is on the log and the partition it is on.
     *
     * @param key the key's text: the contract's keys are UTF-8 JSON, so the text gives back the same bytes
     */
    record PartitionKey(int partition, String key) {}
}
