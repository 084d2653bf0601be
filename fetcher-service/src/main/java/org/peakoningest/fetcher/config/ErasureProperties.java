package org.peakoningest.fetcher.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of erasure on request (issue #14), bound from {@code peakon.fetcher.erasure.*} (application.yml maps
 * each from its environment variable). A record of its own, next to {@link FetcherProperties}: the secret is only
 * required by {@code erase} (and by a crawl once an erasure exists), which the command and the erasure register check
 * themselves, so that every other command starts without it.
 *
 * @param secret            PEAKON_ERASURE_SECRET: the installation's key of the HMAC-SHA256 that turns an employee id
 *                          into the hash the erasures topic is keyed by; never logged
 * @param maxCompactionLag  KAFKA_TOPIC_MAX_COMPACTION_LAG: {@code max.compaction.lag.ms} (and {@code segment.ms}) of
 *                          the topics the fetcher declares: how long an erased value can stay in the log before the
 *                          cleaner must remove it (see README, "Personal data")
 * @param deleteRetention   KAFKA_TOPIC_DELETE_RETENTION: {@code delete.retention.ms} of those topics: how long a
 *                          tombstone stays readable after compaction, i.e. how long a consumer may be away and still
 *                          see an erasure
 */
@Validated
@ConfigurationProperties("peakon.fetcher.erasure")
public record ErasureProperties(
        String secret,

        @NotNull(message = "is required") @DurationMin(millis = 1, message = "must be at least 1 ms")
        Duration maxCompactionLag,

        @NotNull(message = "is required") @DurationMin(millis = 0, message = "must not be negative")
        Duration deleteRetention) {

    /** Fewer characters than this cannot hold the 256 bits an HMAC-SHA256 key should have (hex, base64 or words). */
    public static final int MIN_SECRET_LENGTH = 32;

    /** The environment variable of {@link #secret()}, for the one-line errors that name it. */
    public static final String SECRET_VARIABLE = "PEAKON_ERASURE_SECRET";

    /** Whether a secret is set at all (blank counts as unset). */
    public boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    @Override
    public String toString() {
        // Never the secret.
        return "ErasureProperties[maxCompactionLag=" + maxCompactionLag + ", deleteRetention=" + deleteRetention + "]";
    }
}
