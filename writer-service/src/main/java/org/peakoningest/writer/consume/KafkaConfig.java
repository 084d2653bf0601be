package org.peakoningest.writer.consume;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.kafka.ContractDeserializer;
import org.peakoningest.common.kafka.ContractSerializer;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.writer.config.WriterProperties;
import org.peakoningest.writer.store.DecodedEnvelope;
import org.peakoningest.writer.store.EnvelopeDeserializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.serializer.DelegatingByTopicDeserializer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka wiring: the data-record reader ({@link EnvelopeDeserializer}) and the run-event deserializer behind {@link ErrorHandlingDeserializer} (an unreadable record reaches the
 * listener as a dead-letter candidate instead of stopping the consumer), batch listener with AckMode BATCH, an error
 * handler that retries a failed batch forever with exponential backoff (a Mongo outage is never a poison record),
 * and the dead-letter publisher.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    TopicNames topicNames(WriterProperties properties) {
        return new TopicNames(properties.topicPrefix());
    }

    /**
     * The values of the data topics, the run-events topic and the erasures topic; the other consumer settings are in
     * application.yml.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer writerDeserializers(WriterTopics topics, WriterProperties properties) {
        return factory -> {
            @SuppressWarnings("unchecked") // Boot's factory is typed <?, ?>; the listener reads every value as Object
            var values = (DefaultKafkaConsumerFactory<?, Object>) factory;
            values.setValueDeserializerSupplier(() ->
                    new ErrorHandlingDeserializer<Object>(new DelegatingByTopicDeserializer(
                            Map.of(
                                    Pattern.compile(Pattern.quote(topics.names().runEventsTopic())),
                                    new ContractDeserializer.RunEvents(),
                                    Pattern.compile(Pattern.quote(topics.names().erasuresTopic())),
                                    new ContractDeserializer.Erasures()),
                            new EnvelopeDeserializer())));
            values.updateConfigs(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords()));
        };
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumers,
            DefaultErrorHandler retryForever) {
        // Batch mode and concurrency come from WriterListener's @KafkaListener; commits are synchronous by default.
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setCommonErrorHandler(retryForever);
        ContainerProperties container = factory.getContainerProperties();
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        // Graceful shutdown: the batch in hand is finished and committed before the consumer closes.
        container.setShutdownTimeout(Duration.ofSeconds(60).toMillis());
        container.setIdleEventInterval(1000L);
        return factory;
    }

    /**
     * Retries a batch whose listener threw (Mongo unavailable, dead-letter topic unreachable) with exponential
     * backoff, without limit, pausing the consumer meanwhile so it stays in the group and commits nothing. Every
     * exception is retryable: the listener itself dead-letters what is wrong with a record.
     */
    @Bean
    DefaultErrorHandler retryForever(WriterProperties properties) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.mongoRetryBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(Math.max(
                properties.mongoRetryBackoff().toMillis(),
                properties.mongoRetryMaxBackoff().toMillis()));
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> {
                    throw new IllegalStateException("retries of a batch can never be exhausted", e);
                },
                backOff);
        handler.setClassifications(Map.of(), true);
        handler.setAckAfterHandle(true);
        return handler;
    }

    @Bean
    KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Map<Class<?>, Serializer<?>> byType = Map.of(
                byte[].class,
                new ByteArraySerializer(),
                // A data record that cannot be written goes to its dead-letter topic as the exact bytes it was.
                DecodedEnvelope.class,
                (Serializer<DecodedEnvelope>) (topic, envelope) -> envelope.original(),
                RunEvent.class,
                new ContractSerializer<RunEvent>(),
                String.class,
                new StringSerializer());
        @SuppressWarnings({"unchecked", "rawtypes"})
        DefaultKafkaProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory(
                config, new StringSerializer(), new DelegatingByTypeSerializer(byType, true));
        KafkaTemplate<Object, Object> template = new KafkaTemplate<>(producers);
        // A failed send is logged by the template too: without the record's key and value (personal data).
        LoggingProducerListener<Object, Object> log = new LoggingProducerListener<>();
        log.setIncludeContents(false);
        template.setProducerListener(log);
        return template;
    }

    @Bean
    DeadLetterPublishingRecoverer deadLetterRecoverer(
            KafkaTemplate<Object, Object> deadLetterTemplate, WriterTopics topics) {
        // Partition -1: let the producer choose, so a DLT needs no particular partition count.
        return new DeadLetterPublishingRecoverer(
                deadLetterTemplate,
                (record, e) -> new TopicPartition(topics.names().deadLetterTopic(record.topic()), -1));
    }

    /** The dead-letter topics, created at start-up when missing (kept, never compacted: every record matters). */
    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(WriterTopics topics) {
        return new KafkaAdmin.NewTopics(topics.deadLetterTopics().stream()
                .map(name -> TopicBuilder.name(name)
                        .config("cleanup.policy", "delete")
                        .build())
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }
}
