package org.peakoningest.fetcher.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.RunStatus;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The running and the last finished run, for Actuator: {@code health} (DOWN when the last run failed) and
 * {@code info} (the last run's summary).
 */
@Component
class LastRun implements HealthIndicator, InfoContributor {

    private final AtomicReference<String> running = new AtomicReference<>();
    private final AtomicReference<RunReport> last = new AtomicReference<>();

    void started(String runId) {
        running.set(runId);
    }

    void finished(RunReport report) {
        running.set(null);
        last.set(report);
    }

    @Override
    public Health health() {
        RunReport report = last.get();
        Health.Builder builder =
                report == null || (report.status() != RunStatus.FAILED && report.status() != RunStatus.ABANDONED)
                        ? Health.up()
                        : Health.down();
        if (running.get() != null) {
            builder.withDetail("running", running.get());
        }
        if (report != null) {
            builder.withDetail("lastRun", report.runId())
                    .withDetail("lastStatus", report.status().value())
                    .withDetail("lastFinishedAt", Timestamps.format(report.finishedAt()));
        }
        return builder.build();
    }

    @Override
    public void contribute(Info.Builder builder) {
        RunReport report = last.get();
        if (report == null) {
            return;
        }
        Map<String, Object> collections = new LinkedHashMap<>();
        for (Map.Entry<String, CollectionStats> e : report.collections().entrySet()) {
            collections.put(
                    e.getKey(),
                    Map.of(
                            "status",
                            e.getValue().status().name().toLowerCase(Locale.ROOT),
                            "published",
                            e.getValue().published(),
                            "pages",
                            e.getValue().pages(),
                            "skipped",
                            e.getValue().skipped().size()));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runId", report.runId());
        summary.put("status", report.status().value());
        summary.put("dryRun", report.dryRun());
        summary.put("startedAt", Timestamps.format(report.startedAt()));
        summary.put("finishedAt", Timestamps.format(report.finishedAt()));
        summary.put("collections", collections);
        if (report.lastError() != null) {
            summary.put("lastError", report.lastError());
        }
        builder.withDetail("lastRun", summary);
    }
}
