package org.peakoningest.fetcher.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.apache.kafka.clients.admin.NewTopic;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.fetcher.auth.BearerTokens;
import org.peakoningest.fetcher.crawl.Crawler;
import org.peakoningest.fetcher.cursor.CursorStore;
import org.peakoningest.fetcher.cursor.MongoCursorStore;
import org.peakoningest.fetcher.http.PeakonHttp;
import org.peakoningest.fetcher.http.RateBudget;
import org.peakoningest.fetcher.http.Redactor;
import org.peakoningest.fetcher.lock.CrawlLock;
import org.peakoningest.fetcher.progress.FetcherMetrics;
import org.peakoningest.fetcher.progress.LastRun;
import org.peakoningest.fetcher.publish.KafkaRecordPublisher;
import org.peakoningest.fetcher.publish.RecordPublisher;
import org.peakoningest.fetcher.run.IngestionRun;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the fetcher: every I/O edge is built here from {@link FetcherProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FetcherProperties.class)
public class FetcherConfiguration {

    /** Longer than the producer's delivery timeout (120 s), so a slow acknowledgement is not mistaken for a loss. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(150);

    @Bean
    TopicNames topicNames(FetcherProperties props) {
        try {
            return new TopicNames(props.topicPrefix());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationProblem("KAFKA_TOPIC_PREFIX", e.getMessage());
        }
    }

    /**
     * Every data topic and the run-events topic, compacted: a data topic keeps the latest version of every key
     * forever (a replay rebuilds Mongo), the run-events topic keeps each run's self-contained RunFinished.
     */
    @Bean
    KafkaAdmin.NewTopics peakonTopics(TopicNames topics, FetcherProperties props) {
        java.util.List<NewTopic> all = new java.util.ArrayList<>();
        for (PeakonCollection collection : PeakonCollection.values()) {
            all.add(compacted(topics.dataTopic(collection), props));
        }
        all.add(compacted(topics.runEventsTopic(), props));
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }

    private static NewTopic compacted(String name, FetcherProperties props) {
        return TopicBuilder.name(name).partitions(props.topicPartitions()).replicas(props.topicReplication())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }

    @Bean
    StartupChecks startupChecks(Environment env, KafkaAdmin kafkaAdmin) {
        return new StartupChecks(env, kafkaAdmin);
    }

    @Bean
    Redactor redactor(FetcherProperties props) {
        return new Redactor(props.appToken());
    }

    @Bean
    FetcherMetrics fetcherMetrics(MeterRegistry registry) {
        return new FetcherMetrics(registry);
    }

    @Bean
    RateBudget rateBudget(FetcherProperties props, FetcherMetrics metrics) {
        RateBudget budget = new RateBudget(props.rateLimitPerHour(), props.rateLimitWindow());
        metrics.budgetRemaining(budget::remaining);
        return budget;
    }

    @Bean
    PeakonHttp peakonHttp(FetcherProperties props, RateBudget budget, Redactor redactor, FetcherMetrics metrics) {
        return new PeakonHttp(props.httpTimeout(), budget, props.maxAttempts(),
                Duration.ofMillis(props.backoffInitialMs()), Duration.ofMillis(props.backoffMaxMs()), redactor,
                metrics);
    }

    @Bean
    BearerTokens bearerTokens(PeakonHttp http, MongoTemplate mongo, FetcherProperties props, Redactor redactor) {
        return new BearerTokens(http, mongo, props.baseUrl(), props.appToken(), redactor);
    }

    @Bean
    CursorStore cursorStore(MongoTemplate mongo) {
        return new MongoCursorStore(mongo);
    }

    @Bean
    Crawler crawler(FetcherProperties props, PeakonHttp http, BearerTokens tokens, CursorStore cursors,
                    FetcherMetrics metrics, Redactor redactor) {
        return new Crawler(props, http, tokens, cursors, metrics, redactor);
    }

    @Bean
    RecordPublisher recordPublisher(KafkaTemplate<String, byte[]> template, TopicNames topics) {
        return new KafkaRecordPublisher(template, topics, ACK_TIMEOUT);
    }

    @Bean
    LastRun lastRun() {
        return new LastRun();
    }

    @Bean
    IngestionRun ingestionRun(RecordPublisher publisher, BearerTokens tokens, Crawler crawler,
                              FetcherMetrics metrics, LastRun lastRun) {
        return new IngestionRun(publisher, tokens, crawler, metrics, lastRun);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService lockKeepAlive() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crawl-lock-keepalive");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    CrawlLock crawlLock(MongoTemplate mongo, ScheduledExecutorService lockKeepAlive, FetcherProperties props) {
        MongoLockProvider mongoLocks = new MongoLockProvider(mongo.getCollection(MongoCollections.FETCHER_LOCKS));
        return new CrawlLock(new KeepAliveLockProvider(mongoLocks, lockKeepAlive), props.lockAtMostFor());
    }
}
