package org.peakoningest.fetcher.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a failed startup into the one line an operator needs: which environment variable is wrong and why.
 */
public final class ConfigurationErrors {

    /** {@link FetcherProperties} component (lower case, no dashes) → environment variable. */
    private static final Map<String, String> ENV = Map.ofEntries(
            Map.entry("baseurl", "PEAKON_BASE_URL"),
            Map.entry("apptoken", "PEAKON_APP_TOKEN"),
            Map.entry("companyid", "PEAKON_COMPANY_ID"),
            Map.entry("engagementgroup", "PEAKON_ENGAGEMENT_GROUP"),
            Map.entry("perpage", "PEAKON_PER_PAGE"),
            Map.entry("httptimeoutseconds", "HTTP_TIMEOUT_SECONDS"),
            Map.entry("ratelimitperhour", "PEAKON_RATE_LIMIT_PER_HOUR"),
            Map.entry("ratelimitwindowseconds", "PEAKON_RATE_LIMIT_WINDOW_SECONDS"),
            Map.entry("maxattempts", "PEAKON_MAX_ATTEMPTS"),
            Map.entry("backoffinitialms", "PEAKON_BACKOFF_INITIAL_MS"),
            Map.entry("backoffmaxms", "PEAKON_BACKOFF_MAX_MS"),
            Map.entry("backoffmaxvalid", "PEAKON_BACKOFF_MAX_MS"),
            Map.entry("schedulecron", "SCHEDULE_CRON"),
            Map.entry("schedulecronvalid", "SCHEDULE_CRON"),
            Map.entry("runonstart", "RUN_ON_START"),
            Map.entry("fullsync", "FULL_SYNC"),
            Map.entry("topicprefix", "KAFKA_TOPIC_PREFIX"),
            Map.entry("topicpartitions", "KAFKA_TOPIC_PARTITIONS"),
            Map.entry("topicreplication", "KAFKA_TOPIC_REPLICATION"),
            Map.entry("lockatmostfor", "peakon.fetcher.lock-at-most-for"),
            Map.entry("port", "FETCHER_HTTP_PORT"));

    private ConfigurationErrors() {
    }

    /** The one-line description of a startup failure, when it is a configuration problem. */
    public static Optional<String> describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationProblem problem) {
                return Optional.of(problem.getMessage());
            }
            if (t.getClass().getSimpleName().equals("PortInUseException")) {
                return Optional.of("FETCHER_HTTP_PORT is already in use: " + t.getMessage());
            }
            if (t instanceof BindValidationException invalid) {
                for (ObjectError error : invalid.getValidationErrors().getAllErrors()) {
                    String field = error instanceof FieldError fe ? fe.getField() : error.getObjectName();
                    return Optional.of(envName(field) + " " + error.getDefaultMessage()
                            + rejected(error, field));
                }
            }
            if (t instanceof BindException bind && bind.getProperty() != null
                    && !(bind.getCause() instanceof BindValidationException)) {
                String name = bind.getProperty().getName().toString();
                return Optional.of(envName(name) + " has an invalid value '"
                        + bind.getProperty().getValue() + "'");
            }
        }
        return Optional.empty();
    }

    private static String rejected(ObjectError error, String field) {
        if (error instanceof FieldError fe && fe.getRejectedValue() != null
                && !(fe.getRejectedValue() instanceof Boolean) && !"PEAKON_APP_TOKEN".equals(envName(field))
                && !String.valueOf(fe.getRejectedValue()).isBlank()) {
            return " (got '" + fe.getRejectedValue() + "')";
        }
        return "";
    }

    /** The environment variable behind a property path such as {@code peakon.fetcher.per-page} or {@code perPage}. */
    static String envName(String property) {
        String last = property.substring(property.lastIndexOf('.') + 1);
        String normalized = last.replace("-", "").toLowerCase(Locale.ROOT);
        return ENV.getOrDefault(normalized, property);
    }
}
