package org.peakoningest.writer.consume;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.writer.store.PendingDocument;
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
 *   <li>{@code peakon.writer.batch.failures}: batches that failed (Mongo unavailable) and will be retried;</li>
 *   <li>{@code peakon.writer.landing.latency{collection}}: per data record stored (written, or skipped because a
 *       newer version is stored), the time from its {@code fetched_at} (the fetcher's clock, when the page arrived)
 *       to Mongo's acknowledgement of the batch (the writer's clock). During a replay it is the records' age.</li>
 * </ul>
 * All of them are on {@code /actuator/prometheus} (README, "Metrics and dashboard").
 */
@Component
class WriterMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Map<PeakonCollection, Timer> landing =
            Collections.synchronizedMap(new EnumMap<>(PeakonCollection.class));

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

    /** The versions of {@code documents} Mongo acknowledged at {@code now} ({@code rejected} ones excluded). */
    void landed(List<PendingDocument> documents, List<StoreResult.Rejection> rejected, Instant now) {
        Set<PendingDocument> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        rejected.forEach(r -> refused.add(r.version()));
        for (PendingDocument document : documents) {
            if (!refused.contains(document)) {
                // A fetched_at ahead of the writer's clock (skew) counts as no delay rather than a negative one.
                Duration latency = Duration.between(Timestamps.parse(document.fetchedAt()), now);
                landingTimer(document.collection()).record(latency.isNegative() ? Duration.ZERO : latency);
            }
        }
    }

    private Timer landingTimer(PeakonCollection collection) {
        return landing.computeIfAbsent(
                collection,
                c -> Timer.builder("peakon.writer.landing.latency")
                        .tag("collection", c.collectionName())
                        .description("From a record's fetched_at to Mongo's acknowledgement of its write")
                        .register(registry));
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
