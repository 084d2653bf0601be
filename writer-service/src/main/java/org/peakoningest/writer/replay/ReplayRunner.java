package org.peakoningest.writer.replay;

import com.mongodb.client.MongoDatabase;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.writer.config.WriterProperties;
import org.peakoningest.writer.consume.WriterListener;
import org.peakoningest.writer.consume.WriterTopics;
import org.peakoningest.writer.runs.LandedReconciler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The {@code replay} command: takes the end offsets of every topic at start, lets the (normal) listener read from
 * the beginning under a fresh group into the target database, stops when every partition has been read to those
 * offsets, recounts {@code ingestion_runs}, prints the per-collection counts and returns; exit status 0 (a failure
 * ends the start with 1, see {@code WriterCommandLine}).
 */
@Component
@ReplayCommand
class ReplayRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReplayRunner.class);

    private final KafkaAdmin kafkaAdmin;
    private final WriterTopics topics;
    private final ReplayProgress progress;
    private final ReplayDeadLetters deadLetters;
    private final KafkaListenerEndpointRegistry registry;
    private final LandedReconciler landed;
    private final MongoDatabase mongo;
    private final String group;
    private final boolean generatedGroup;
    private final PrintStream out = System.out;

    ReplayRunner(
            KafkaAdmin kafkaAdmin,
            WriterTopics topics,
            ReplayProgress progress,
            ReplayDeadLetters deadLetters,
            KafkaListenerEndpointRegistry registry,
            LandedReconciler landed,
            MongoDatabase mongo,
            WriterProperties properties,
            @Value("${peakon.writer.replay.generated-group:false}") boolean generatedGroup) {
        this.kafkaAdmin = kafkaAdmin;
        this.topics = topics;
        this.progress = progress;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.landed = landed;
        this.mongo = mongo;
        this.group = properties.groupId();
        this.generatedGroup = generatedGroup;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        long started = System.nanoTime();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            List<TopicPartition> partitions = partitions(admin);
            Map<TopicPartition, Long> beginning = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            log.info(
                    "replay into '{}' under group '{}': {} records to read on {} partitions",
                    mongo.getName(),
                    group,
                    total(beginning, end),
                    partitions.size());
            long lastLog = System.nanoTime();
            while (!progress.reached(beginning, end)) {
                Thread.sleep(200);
                if (System.nanoTime() - lastLog > Duration.ofSeconds(10).toNanos()) {
                    log.info("replay: about {} records to go", progress.remaining(end));
                    lastLog = System.nanoTime();
                }
            }
            MessageListenerContainer container = registry.getListenerContainer(WriterListener.ID);
            if (container != null) {
                container.stop();
            }
            landed.recount();
            if (generatedGroup) {
                admin.deleteConsumerGroups(List.of(group)).all().get();
            }
        }
        printCounts((System.nanoTime() - started) / 1_000_000);
    }

    private List<TopicPartition> partitions(Admin admin) throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<String> wanted =
                topics.subscribed().stream().filter(existing::contains).toList();
        return admin.describeTopics(wanted).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static long total(Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .mapToLong(e -> e.getValue() - beginning.getOrDefault(e.getKey(), 0L))
                .sum();
    }

    private void printCounts(long millis) {
        out.printf("replay into database '%s' finished in %.1f s%n", mongo.getName(), millis / 1000.0);
        for (PeakonCollection collection : PeakonCollection.values()) {
            out.printf(
                    "  %-18s %d documents%n",
                    collection.collectionName(),
                    mongo.getCollection(collection.collectionName()).countDocuments());
        }
        out.printf(
                "  %-18s %d documents%n",
                MongoCollections.INGESTION_RUNS,
                mongo.getCollection(MongoCollections.INGESTION_RUNS).countDocuments());
        if (deadLetters.count() > 0) {
            out.printf(
                    "  %d records could not be written (see the dead-letter topics of the live writer)%n",
                    deadLetters.count());
        }
        out.flush();
    }
}
