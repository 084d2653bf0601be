package org.peakoningest.fetcher.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the fetcher, bound from {@code peakon.fetcher.*}: {@code application.yml} maps each from its
 * environment variable (docs/fetcher.md). A validation message follows the variable's name in the one line a bad
 * setting prints (service-support's {@code ConfigurationFailureAnalyzer}). A plain number in a time setting is in the unit its
 * variable is named after ({@code HTTP_TIMEOUT_SECONDS=60} is 60 s); {@code 90s}, {@code 2m} or {@code PT1M} work
 * too.
 *
 * @param baseUrl          PEAKON_BASE_URL: the API base URL, http(s); required, no default (nothing points the fetcher
 *                         at the simulator but the demo itself)
 * @param appToken         PEAKON_APP_TOKEN: the application token, exchanged for a bearer token; required; never
 *                         logged
 * @param companyId        PEAKON_COMPANY_ID: the company id of the score paths
 * @param engagementGroup  PEAKON_ENGAGEMENT_GROUP: the score group crawled into scores_contexts
 * @param scoresInterval   PEAKON_SCORES_INTERVAL: {@code interval} of every score request (Peakon's default is the
 *                         current quarter only; {@code all} copies the whole history)
 * @param scoresParticipation PEAKON_SCORES_PARTICIPATION: {@code participation} of every score request
 * @param scoresObservations  PEAKON_SCORES_OBSERVATIONS: {@code observations} of every score request
 * @param segmentAttributes PEAKON_SEGMENT_ATTRIBUTES: comma-separated attribute names (or numeric attribute ids)
 *                         whose segments get their engagement scores crawled into segment_scores
 * @param perPage          PEAKON_PER_PAGE: per_page of /answers/export, 1..20000
 * @param httpTimeout      HTTP_TIMEOUT_SECONDS: connect timeout and per-read socket timeout of a request
 * @param rateLimitPerHour PEAKON_RATE_LIMIT_PER_HOUR: requests allowed per rate-limit window
 * @param rateLimitWindow  PEAKON_RATE_LIMIT_WINDOW_SECONDS: the sliding window of the request budget
 * @param maxAttempts      PEAKON_MAX_ATTEMPTS: attempts per request on transient failures, 1..50
 * @param backoffInitial   PEAKON_BACKOFF_INITIAL_MS: the first wait before a retry; doubles per attempt
 * @param backoffMax       PEAKON_BACKOFF_MAX_MS: the longest wait before a retry
 * @param scheduleCron     SCHEDULE_CRON: the daemon's schedule, 5 fields (or Spring's 6 with seconds)
 * @param runOnStart       RUN_ON_START: whether the daemon crawls once as soon as it started
 * @param fullSync         FULL_SYNC: ignore the incremental cursors ({@code ingest --full-sync/--incremental}
 *                         override it)
 * @param topicPrefix      KAFKA_TOPIC_PREFIX: prefix of every topic name
 * @param topicPartitions  KAFKA_TOPIC_PARTITIONS: partitions of the topics the fetcher declares
 * @param topicReplication KAFKA_TOPIC_REPLICATION: replication factor of the topics the fetcher declares
 * @param lockAtMostFor    how long a crashed fetcher can keep the crawl lock (a live one extends it at half time); at
 *                         least ShedLock's keep-alive minimum of 30 s
 * @param staleRunCheckInterval PEAKON_STALE_RUN_CHECK_INTERVAL: how often a daemon looks for runs whose fetcher died
 * @param alertWebhookUrl  ALERT_WEBHOOK_URL: where alerts are posted (a failed, partial or abandoned run); empty: none.
 *                         A secret (a Slack webhook URL is its own credential): never logged
 */
@Validated
@ConfigurationProperties("peakon.fetcher")
public record FetcherProperties(
        // Empty is @NotBlank's to report ("is required"), not also the pattern's.
        @NotBlank(message = "is required") @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL")
        String baseUrl,

        @NotBlank(message = "is required") String appToken,

        @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a plain id")
        String companyId,

        @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a plain group id")
        String engagementGroup,

        @NotNull(message = "is required")
        @Pattern(regexp = "month|quarter|year|all|recent", message = "must be one of month, quarter, year, all, recent")
        String scoresInterval,

        boolean scoresParticipation,
        boolean scoresObservations,

        @NotNull(message = "is required")
        @Pattern(regexp = "[^\\p{Cntrl}]{0,2000}", message = "must be a comma-separated list of attribute names")
        String segmentAttributes,

        @Min(value = 1, message = "must be between 1 and 20000")
        @Max(value = 20000, message = "must be between 1 and 20000")
        int perPage,

        @NotNull(message = "is required")
        @DurationUnit(ChronoUnit.SECONDS)
        @DurationMin(seconds = 1, message = "must be at least 1 second")
        Duration httpTimeout,

        @Min(value = 1, message = "must be at least 1") int rateLimitPerHour,

        @NotNull(message = "is required")
        @DurationUnit(ChronoUnit.SECONDS)
        @DurationMin(seconds = 1, message = "must be at least 1 second")
        Duration rateLimitWindow,

        @Min(value = 1, message = "must be between 1 and 50") @Max(value = 50, message = "must be between 1 and 50")
        int maxAttempts,

        @NotNull(message = "is required")
        @DurationUnit(ChronoUnit.MILLIS)
        @DurationMin(millis = 1, message = "must be at least 1 ms")
        Duration backoffInitial,

        @NotNull(message = "is required")
        @DurationUnit(ChronoUnit.MILLIS)
        @DurationMin(millis = 1, message = "must be at least 1 ms")
        Duration backoffMax,

        @NotBlank(message = "is required") String scheduleCron,
        boolean runOnStart,
        boolean fullSync,

        @NotNull(message = "is required")
        @Pattern(regexp = "[a-zA-Z0-9._-]{0,200}", message = "may only contain letters, digits, '.', '_' and '-'")
        String topicPrefix,

        @Min(value = 1, message = "must be at least 1") int topicPartitions,
        @Min(value = 1, message = "must be at least 1") short topicReplication,

        @NotNull(message = "is required")
        @DurationMin(seconds = 30, message = "must be at least 30 seconds (ShedLock's keep-alive minimum)")
        Duration lockAtMostFor,

        @NotNull(message = "is required") @DurationMin(seconds = 1, message = "must be at least 1 second")
        Duration staleRunCheckInterval,

        @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL or empty")
        String alertWebhookUrl) {

    /** The base URL without a trailing slash. */
    public String baseUrl() {
        return baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
    }

    /** The entries of PEAKON_SEGMENT_ATTRIBUTES, trimmed, without empty ones (an empty setting: no segment scores). */
    public List<String> segmentAttributeList() {
        if (segmentAttributes == null) {
            return List.of();
        }
        return Arrays.stream(segmentAttributes.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    @AssertTrue(message = "is not a valid cron expression (5 fields, e.g. '0 3 * * 1', or 6 with seconds)")
    public boolean isScheduleCronValid() {
        return scheduleCron == null
                || scheduleCron.isBlank()
                || CronExpression.isValidExpression(CronSchedule.toSpring(scheduleCron));
    }

    @AssertTrue(message = "must not be smaller than PEAKON_BACKOFF_INITIAL_MS")
    public boolean isBackoffMaxValid() {
        return backoffMax == null || backoffInitial == null || backoffMax.compareTo(backoffInitial) >= 0;
    }

    @Override
    public String toString() {
        // Never print the app token, not even in a debug dump of the configuration.
        return "FetcherProperties[baseUrl=" + baseUrl + ", companyId=" + companyId + ", engagementGroup="
                + engagementGroup + ", scoresInterval=" + scoresInterval + ", segmentAttributes=" + segmentAttributes
                + ", perPage=" + perPage + ", topicPrefix=" + topicPrefix + "]";
    }
}
