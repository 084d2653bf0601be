package org.peakoningest.fetcher.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the fetcher, bound from {@code peakon.fetcher.*} (mapped from the environment in
 * {@code application.yml}). Validation messages are phrased to follow the environment variable's name, see
 * {@link ConfigurationErrors}.
 */
@Validated
@ConfigurationProperties("peakon.fetcher")
public record FetcherProperties(
        @NotBlank(message = "is required") @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String baseUrl,
        @NotBlank(message = "is required") String appToken,
        @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a plain id")
        String companyId,
        @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a plain group id")
        String engagementGroup,
        @Min(value = 1, message = "must be between 1 and 20000") @Max(value = 20000, message = "must be between 1 and 20000")
        int perPage,
        @Min(value = 1, message = "must be at least 1 second") int httpTimeoutSeconds,
        @Min(value = 1, message = "must be at least 1") int rateLimitPerHour,
        @Min(value = 1, message = "must be at least 1 second") int rateLimitWindowSeconds,
        @Min(value = 1, message = "must be between 1 and 50") @Max(value = 50, message = "must be between 1 and 50")
        int maxAttempts,
        @Min(value = 1, message = "must be at least 1 ms") long backoffInitialMs,
        @Min(value = 1, message = "must be at least 1 ms") long backoffMaxMs,
        @NotBlank(message = "is required") String scheduleCron,
        boolean runOnStart,
        boolean fullSync,
        @NotNull(message = "is required") @Pattern(regexp = "[a-zA-Z0-9._-]{0,200}",
                message = "may only contain letters, digits, '.', '_' and '-'") String topicPrefix,
        @Min(value = 1, message = "must be at least 1") int topicPartitions,
        @Min(value = 1, message = "must be at least 1") short topicReplication,
        @NotNull Duration lockAtMostFor) {

    /** The base URL without a trailing slash. */
    public String baseUrl() {
        return baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
    }

    public URI baseUri() {
        return URI.create(baseUrl());
    }

    public Duration httpTimeout() {
        return Duration.ofSeconds(httpTimeoutSeconds);
    }

    public Duration rateLimitWindow() {
        return Duration.ofSeconds(rateLimitWindowSeconds);
    }

    @AssertTrue(message = "is not a valid cron expression (5 fields, e.g. '0 3 * * 1', or 6 with seconds)")
    public boolean isScheduleCronValid() {
        return scheduleCron == null || scheduleCron.isBlank() || CronSchedule.isValid(scheduleCron);
    }

    @AssertTrue(message = "must not be smaller than PEAKON_BACKOFF_INITIAL_MS")
    public boolean isBackoffMaxValid() {
        return backoffMaxMs >= backoffInitialMs;
    }

    @Override
    public String toString() {
        // Never print the app token, not even in a debug dump of the configuration.
        return "FetcherProperties[baseUrl=" + baseUrl + ", companyId=" + companyId + ", engagementGroup="
                + engagementGroup + ", perPage=" + perPage + ", topicPrefix=" + topicPrefix + "]";
    }
}
