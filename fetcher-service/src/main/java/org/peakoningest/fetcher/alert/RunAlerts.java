package org.peakoningest.fetcher.alert;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.servicesupport.alerts.Alert;
import org.peakoningest.servicesupport.alerts.AlertWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The fetcher's alerts ({@code ALERT_WEBHOOK_URL}; README, "Alerts and logs"), each sent once:
 * <ul>
 *   <li>a run that ended {@code failed} or {@code partial}: by the process that ran it, the only one that ends it;
 *   <li>a run ended {@code abandoned} (its fetcher died mid-run): several fetchers may end the same dead run at once
 *       (two daemons' sweeps, or a sweep and a run under the lock), so each first claims the alert with an insert of
 *       {@code alert:abandoned:<run id>} into its own {@code fetcher_locks}: the one insert that succeeds sends it,
 *       the others meet the duplicate key and stay silent.
 * </ul>
 * Only run id, status, counts and the run's last error (which the fetcher logs anyway, free of personal data) go out.
 */
@Component
public class RunAlerts implements DisposableBean {

    static final String CLAIM_PREFIX = "alert:abandoned:";

    private static final Logger log = LoggerFactory.getLogger(RunAlerts.class);

    private final AlertWebhook webhook;
    private final MongoTemplate mongo;

    RunAlerts(FetcherProperties props, MongoTemplate mongo) {
        this.webhook = new AlertWebhook(props.alertWebhookUrl(), "fetcher");
        this.mongo = mongo;
    }

    /** One of this fetcher's own runs ended (a dry run publishes nothing and is not alerted). */
    public void runEnded(String runId, RunStatus status, String lastError, Map<String, CollectionStats> stats) {
        if (status != RunStatus.FAILED && status != RunStatus.PARTIAL) {
            return;
        }
        String failed = stats.entrySet().stream()
                .filter(e -> e.getValue().status() == CollectionStatus.FAILED)
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(","));
        long published =
                stats.values().stream().mapToLong(CollectionStats::published).sum();
        String value = status.value();
        webhook.send(Alert.of(
                        "run_" + value,
                        "peakon-ingest: run " + runId + " ended " + value
                                + (failed.isEmpty() ? "" : " (failed: " + failed + ")")
                                + (lastError == null ? "" : ": " + lastError))
                .with("run_id", runId)
                .with("status", value)
                .with("failed_collections", failed)
                .with("published", published)
                .with("reason", lastError));
    }

    /**
     * This process published the {@code RunFinished(abandoned)} of a dead fetcher's run: alerted unless another
     * process claimed the alert first. When the claim cannot be written (MongoDB unreachable) it alerts anyway: an
     * alert twice is better than none.
     */
    public void abandoned(String runId, Instant startedAt, int finishedCollections) {
        if (!claim(runId)) {
            log.info("run {} abandoned: another fetcher already alerted it", runId);
            return;
        }
        webhook.send(Alert.of(
                        "run_abandoned",
                        "peakon-ingest: run " + runId + " (started " + Timestamps.format(startedAt)
                                + ") was abandoned: its fetcher stopped mid-run; " + finishedCollections
                                + " collection(s) had finished")
                .with("run_id", runId)
                .with("status", RunStatus.ABANDONED.value())
                .with("started_at", Timestamps.format(startedAt))
                .with("finished_collections", finishedCollections));
    }

    private boolean claim(String runId) {
        try {
            mongo.getCollection(MongoCollections.FETCHER_LOCKS)
                    .insertOne(new Document("_id", CLAIM_PREFIX + runId).append("claimedAt", new Date()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            log.warn("could not claim the alert of abandoned run {} ({}); alerting anyway", runId, e.toString());
            return true;
        } catch (RuntimeException e) {
            log.warn("could not claim the alert of abandoned run {} ({}); alerting anyway", runId, e.toString());
            return true;
        }
    }

    @Override
    public void destroy() {
        webhook.close();
    }
}
