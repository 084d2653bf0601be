package org.peakoningest.writer.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record that goes to the dead-letter topic, and why. */
public record Rejected(ConsumerRecord<?, ?> record, Exception reason) {}
