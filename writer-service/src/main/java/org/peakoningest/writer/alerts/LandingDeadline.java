package org.peakoningest.writer.alerts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.RunFields;
import org.peakoningest.common.runs.RunLandingStatus;
import org.peakoningest.servicesupport.logging.RunIdLogging;
import org.peakoningest.writer.config.WriterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Alerts a run whose landing is late: it finished fetching more than {@code ALERT_LANDING_DEADLINE_MINUTES} ago and
 * its {@code landing_status} is still not {@code complete}, {@code superseded} or {@code nothing} — its documents
 * are stuck somewhere between the topics and MongoDB (a writer down or failing, records lost). Checked every
 * {@value #CHECK_SECONDS} s from {@code ingestion_runs}, which every writer reads.
 *
 * <p>Once per run, however many writers run: a writer claims the alert with a conditional update that sets
 * {@value #ALERTED_LANDING} on the run document only where it is absent; only the writer whose update changed the
 * document sends. The field is alert bookkeeping, not part of the projection: a database rebuilt from the topics has
 * none, so only runs that finished within a day before the deadline are looked at — a rebuild does not alert last
 * month's runs again.
 */
@Component
@ConditionalOnProperty(name = "peakon.writer.command", havingValue = "run", matchIfMissing = true)
class LandingDeadline {

    static final String ALERTED_LANDING = "alerted.landing";
    static final long CHECK_SECONDS = 30;
    /** How far back before the deadline a run is still looked at. */
    static final Duration HORIZON = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(LandingDeadline.class);
    private static final List<String> LANDED = List.of(
            RunLandingStatus.COMPLETE.value(), RunLandingStatus.SUPERSEDED.value(), RunLandingStatus.NOTHING.value());

    private final MongoDatabase mongo;
    private final WriterAlerts alerts;
    private final Duration deadline;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "landing-deadline");
        thread.setDaemon(true);
        return thread;
    });

    LandingDeadline(MongoDatabase mongo, WriterAlerts alerts, WriterProperties properties) {
        this.mongo = mongo;
        this.alerts = alerts;
        this.deadline = properties.alertLandingDeadline();
        scheduler.scheduleWithFixedDelay(this::checkQuietly, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    private void checkQuietly() {
        try {
            check(Instant.now());
        } catch (RuntimeException e) {
            // MongoDB away: the next check looks again (a writer that cannot reach it has its own health signal).
            log.warn("could not check ingestion_runs for late landings; the next check looks again: {}", e.toString());
        }
    }

    /** One check at {@code now}: the runs it alerted. */
    List<String> check(Instant now) {
        Instant due = now.minus(deadline);
        Bson late = Filters.and(
                Filters.lte(RunFields.FINISHED_AT, Timestamps.format(due)),
                Filters.gte(RunFields.FINISHED_AT, Timestamps.format(due.minus(HORIZON))),
                Filters.ne(RunFields.STATUS, RunFields.RUNNING),
                Filters.nin(RunFields.LANDING_STATUS, LANDED),
                Filters.exists(ALERTED_LANDING, false));
        MongoCollection<Document> runs = mongo.getCollection(MongoCollections.INGESTION_RUNS);
        List<String> alerted = new java.util.ArrayList<>();
        for (Document run : runs.find(late)) {
            if (!(run.get("_id") instanceof String runId)) {
                continue;
            }
            // Only the writer whose update set the field alerts; another that read the same run matches nothing.
            long claimed = runs.updateOne(
                            Filters.and(Filters.eq("_id", runId), Filters.exists(ALERTED_LANDING, false)),
                            Updates.set(ALERTED_LANDING, Timestamps.format(now)))
                    .getModifiedCount();
            if (claimed == 1) {
                try (var mdc = RunIdLogging.of(runId)) {
                    alerts.landingLate(
                            runId,
                            run.getString(RunFields.STATUS),
                            String.valueOf(run.get(RunFields.LANDING_STATUS)),
                            run.getString(RunFields.FINISHED_AT),
                            deadline.toMinutes());
                }
                alerted.add(runId);
            }
        }
        return alerted;
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
