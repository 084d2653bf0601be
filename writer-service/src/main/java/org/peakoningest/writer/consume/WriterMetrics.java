package org.peakoningest.writer.consume;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.writer.store.StoreResult;
import org.springframework.stereotype.Component;

/**
 * The writer's meters (consumer lag comes from the Kafka client metrics Spring Boot binds:
 * {@code kafka.consumer.fetch.manager.records.lag.max}; bulk-write latency is {@code peakon.writer.bulk.write}):
 * <ul>
 *   <li>{@code peakon.writer.records{collection, outcome=written|stale|deleted}}: versions written or skipped as
 *       older, documents deleted by tombstones; its rate is the records/s;</li>
 *   <li>{@code peakon.writer.republished{topic}}: stored versions published again because a later record of their
 *       key would have replaced them under compaction ({@link Republisher});</li>
 *   <li>{@code peakon.writer.dead.letters{topic}}: records sent to a dead-letter topic;</li>
 *   <li>{@code peakon.writer.ignored}: unknown run-event types, and tombstones that name no document;</li>
 *   <li>{@code peakon.writer.batch.size}: records per polled batch;</li>
 *   <li>{@code peakon.writer.batch.failures}: batches that failed (Mongo unavailable) and will be retried.</li>
 * </ul>
 */
@Component
class WriterMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;

    WriterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("peakon.writer.batch.size")
                .baseUnit("records")
                .description("records per polled batch")
                .register(registry);
    }

    void batch(int records) {
        batchSize.record(records);
    }

    void stored(StoreResult result) {
        result.outcomes().forEach((collection, outcome) -> {
            count(collection, "written", outcome.written());
            count(collection, "stale", outcome.stale());
        });
        result.deleted().forEach((collection, deleted) -> count(collection, "deleted", deleted));
    }

    void deadLettered(String topic) {
        registry.counter("peakon.writer.dead.letters", "topic", topic).increment();
    }

    void republished(String topic) {
        registry.counter("peakon.writer.republished", "topic", topic).increment();
    }

    void ignored(int count) {
        if (count > 0) {
            registry.counter("peakon.writer.ignored").increment(count);
        }
    }

    void batchFailed() {
        registry.counter("peakon.writer.batch.failures").increment();
    }

    private void count(PeakonCollection collection, String outcome, int amount) {
        if (amount > 0) {
            registry.counter("peakon.writer.records", "collection", collection.collectionName(), "outcome", outcome)
                    .increment(amount);
        }
    }
}
