package org.peakoningest.writer.bench;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.kafka.ContractSerializer;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.testsupport.Infrastructure;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.peakoningest.testsupport.KafkaProbe;
import org.peakoningest.writer.WriterApplication;
import org.peakoningest.writer.WriterFixture;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sustained writer throughput on N answer envelopes (default 200,000) with the embedded broker and the Mongo
 * endpoint of the ITs: publishes the whole run first, then starts the writer and times (a) until every document
 * is in Mongo and (b) until {@code ingestion_runs} reports the run complete. Not a test (no *Test/*IT name).
 *
 * <p>Run: see docs/writer.md, "Throughput".
 */
public final class WriterThroughputBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Infrastructure infra = IntegrationInfrastructure.shared();
        String prefix = "bench" + System.currentTimeMillis() + ".";
        TopicNames topics = new TopicNames(prefix);
        List<String> all = new ArrayList<>(topics.dataTopics());
        all.add(topics.runEventsTopic());
        KafkaProbe.createTopics(infra.kafkaBootstrapServers(), partitions, all);

        String run = "bench-run";
        Instant at = Instant.parse("2026-11-25T03:00:00Z");
        long produceStart = System.nanoTime();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, Object> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ContractSerializer<>())) {
            List<Future<?>> sent = new ArrayList<>(count);
            String topic = topics.dataTopic(PeakonCollection.ANSWERS_EXPORT);
            for (long id = 1; id <= count; id++) {
                RecordEnvelope envelope = WriterFixture.answer(run, id, at.plusMillis(id), "comment number " + id);
                sent.add(producer.send(new ProducerRecord<>(topic, RecordKeys.of(envelope.key()), envelope)));
            }
            CollectionStats stats =
                    new CollectionStats(CollectionStatus.SUCCESS, count, count / 10_000 + 1, List.of(), null);
            sent.add(producer.send(new ProducerRecord<>(
                    topics.runEventsTopic(),
                    RecordKeys.ofRun(run),
                    RunFinished.of(
                            run,
                            at,
                            at.plusSeconds(600),
                            SyncMode.FULL,
                            RunStatus.SUCCESS,
                            null,
                            Map.of("answers_export", stats)))));
            for (Future<?> f : sent) {
                f.get();
            }
        }
        System.out.printf("published %d answer envelopes in %.1f s%n", count, (System.nanoTime() - produceStart) / 1e9);

        long start = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplication(WriterApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(),
                        "--spring.mongodb.database=bench_" + prefix.replace(".", ""),
                        "--peakon.writer.topic-prefix=" + prefix,
                        "--peakon.writer.group-id=" + prefix + "writer",
                        "--peakon.writer.concurrency=" + concurrency,
                        "--spring.main.web-application-type=none",
                        "--logging.level.org.peakoningest=WARN");
        long started = System.nanoTime();
        MongoDatabase mongo = context.getBean(MongoDatabase.class);
        long docs = 0;
        long lastPrint = System.nanoTime();
        while (docs < count) {
            Thread.sleep(250);
            docs = mongo.getCollection("answers_export").estimatedDocumentCount();
            if (System.nanoTime() - lastPrint > 5e9) {
                System.out.printf("  %d documents after %.1f s%n", docs, (System.nanoTime() - started) / 1e9);
                lastPrint = System.nanoTime();
            }
        }
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        while (!"complete".equals(landingStatus(mongo, run))) {
            Thread.sleep(100);
        }
        double completeSeconds = (System.nanoTime() - started) / 1e9;
        long recountStart = System.nanoTime();
        context.getBean(org.peakoningest.writer.runs.LandedReconciler.class).recount();
        double recountSeconds = (System.nanoTime() - recountStart) / 1e9;
        System.out.printf("writer start-up: %.1f s%n", (started - start) / 1e9);
        System.out.printf(
                "%d documents written in %.1f s: %.0f docs/s (concurrency %d, %d partitions)%n",
                count, writeSeconds, count / writeSeconds, concurrency, partitions);
        System.out.printf(
                "ingestion_runs complete (landed %d) after %.1f s; one full recount takes %.2f s%n",
                count, completeSeconds, recountSeconds);
        context.close();
        System.exit(0);
    }

    private static String landingStatus(MongoDatabase mongo, String run) {
        Document doc = mongo.getCollection(MongoCollections.INGESTION_RUNS)
                .find(new Document("_id", run))
                .first();
        return doc == null ? null : doc.getString("landing_status");
    }
}
