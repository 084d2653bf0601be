package org.peakoningest.writer.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * The writer's own settings ({@code peakon.writer.*}, mapped from environment variables in {@code application.yml};
 * see {@code docs/writer.md}). Infrastructure settings stay under {@code spring.kafka.*} and {@code spring.mongodb.*}.
 * A plain number in a time setting is milliseconds, as the variables' {@code _MS} says; {@code 5s}, {@code 2m} or
 * {@code PT1M} work too.
 *
 * @param topicPrefix          KAFKA_TOPIC_PREFIX: prefix of every topic name
 * @param groupId              WRITER_GROUP_ID: the consumer group shared by all writer processes
 * @param concurrency          WRITER_CONCURRENCY: consumer threads in this process
 * @param maxPollRecords       WRITER_MAX_POLL_RECORDS: records per poll, i.e. the largest batch
 * @param mongoRetryBackoff    WRITER_MONGO_RETRY_BACKOFF_MS: first wait before retrying a batch Mongo refused
 * @param mongoRetryMaxBackoff WRITER_MONGO_RETRY_MAX_BACKOFF_MS: the wait doubles up to this
 * @param mongoTimeout         WRITER_MONGO_TIMEOUT_MS: server selection and connect timeout
 * @param mongoSocketTimeout   WRITER_MONGO_SOCKET_TIMEOUT_MS: read timeout of one Mongo operation
 * @param runsRecountInterval  WRITER_RUNS_RECOUNT_INTERVAL_MS: while busy, how often landed counts are redone
 * @param startupTimeout       WRITER_STARTUP_TIMEOUT_MS: how long start-up waits for Kafka and Mongo
 * @param maxClockSkew         WRITER_MAX_CLOCK_SKEW: a record fetched further in the future than this is poison
 * @param alertWebhookUrl      ALERT_WEBHOOK_URL: where alerts are posted (dead letters, a landing past its deadline);
 *                             empty: alerts are only logged. A secret: never logged
 * @param alertLandingDeadline ALERT_LANDING_DEADLINE_MINUTES: a finished run whose landing is not complete this long
 *                             after it finished is alerted (a plain number is minutes)
 */
@Validated
@ConfigurationProperties("peakon.writer")
public record WriterProperties(
        @NotNull @Pattern(regexp = "[a-zA-Z0-9._-]{0,200}") String topicPrefix,
        @NotBlank String groupId,
        @Min(1) @Max(64) int concurrency,
        @Min(1) @Max(100_000) int maxPollRecords,
        @NotNull @DurationUnit(ChronoUnit.MILLIS) Duration mongoRetryBackoff,
        @NotNull @DurationUnit(ChronoUnit.MILLIS) Duration mongoRetryMaxBackoff,
        @NotNull @DurationUnit(ChronoUnit.MILLIS) Duration mongoTimeout,
        @NotNull @DurationUnit(ChronoUnit.MILLIS) Duration mongoSocketTimeout,
        @NotNull @DurationUnit(ChronoUnit.MILLIS) Duration runsRecountInterval,
        @NotNull @DurationUnit(ChronoUnit.MILLIS) Duration startupTimeout,
        @NotNull @DurationUnit(ChronoUnit.MILLIS) Duration maxClockSkew,

        @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL or empty")
        String alertWebhookUrl,

        @NotNull @DurationUnit(ChronoUnit.MINUTES) @DurationMin(minutes = 1, message = "must be at least 1 minute")
        Duration alertLandingDeadline) {}
