package org.peakoningest.writer.alerts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.peakoningest.servicesupport.alerts.Alert;
import org.peakoningest.servicesupport.alerts.AlertWebhook;
import org.peakoningest.writer.config.WriterProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The writer's alerts ({@code ALERT_WEBHOOK_URL}; README, "Alerts and logs"): records dead-lettered (one alert per
 * batch that dead-lettered any, with counts per topic, the runs and the reasons) and a run whose landing missed its
 * deadline ({@link LandingDeadline}). Never a record's content, key or other value: a reason goes out as its kind
 * ({@link #kind}).
 */
@Component
public class WriterAlerts implements DisposableBean {

    /** Reasons listed in one alert at most; the dead-letter topic's headers hold every record's. */
    private static final int MAX_REASONS = 5;

    private final AlertWebhook webhook;

    WriterAlerts(WriterProperties properties) {
        this.webhook = new AlertWebhook(properties.alertWebhookUrl(), "writer");
    }

    /**
     * One record sent to the dead-letter topic.
     *
     * @param runId  the run the record came from; null when it could not be read
     * @param reason why, free of the record's data
     */
    public record DeadLetter(String topic, String runId, String reason) {}

    /** A batch dead-lettered these records (durably: called after the dead-letter topic acknowledged them). */
    public void deadLettered(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        Map<String, Long> byTopic = new TreeMap<>(
                letters.stream().collect(Collectors.groupingBy(DeadLetter::topic, Collectors.counting())));
        String runs = letters.stream()
                .map(DeadLetter::runId)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .collect(Collectors.joining(","));
        String reasons = letters.stream()
                .map(letter -> kind(letter.reason()))
                .distinct()
                .limit(MAX_REASONS)
                .collect(Collectors.joining("; "));
        String topics = byTopic.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        webhook.send(Alert.of(
                        "records_dead_lettered",
                        "peakon-ingest: " + letters.size() + " record(s) dead-lettered (" + topics + ")"
                                + (runs.isEmpty() ? "" : " from run " + runs) + ": " + reasons)
                .with("run_id", runs.isEmpty() ? null : runs)
                .with("count", letters.size())
                .with("topics", topics)
                .with("reason", reasons));
    }

    /**
     * A reason without the values it quotes: the text up to the first digit, quote or colon ({@code record key does
     * not match the envelope key 7001} becomes {@code record key does not match the envelope key}). A key may be an
     * employee id, and an alert leaves the installation; the dead-letter topic's headers keep the whole reason.
     */
    static String kind(String reason) {
        if (reason == null) {
            return "unknown";
        }
        int end = 0;
        while (end < reason.length() && "0123456789'\":".indexOf(reason.charAt(end)) < 0) {
            end++;
        }
        String kind = reason.substring(0, end).strip();
        return kind.isEmpty() ? "unknown" : kind;
    }

    void landingLate(String runId, String status, String landingStatus, String finishedAt, long minutes) {
        webhook.send(Alert.of(
                        "landing_late",
                        "peakon-ingest: run " + runId + " (" + status + ", finished " + finishedAt
                                + ") has not landed completely " + minutes + " minute(s) after it finished: landing "
                                + landingStatus)
                .with("run_id", runId)
                .with("status", status)
                .with("landing_status", landingStatus)
                .with("finished_at", finishedAt)
                .with("deadline_minutes", minutes));
    }

    @Override
    public void destroy() {
        webhook.close();
    }
}
