package org.peakoningest.writer.runs;

import java.util.Collection;
import java.util.Map;
import org.bson.Document;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.runs.RunFields;
import org.peakoningest.common.runs.RunLandingStatus;
import org.peakoningest.common.runs.RunStatus;

/**
 * Whether a run's documents are all in Mongo, decided from the stored run documents and the recounted landed
 * counts only (so a rebuild decides the same way):
 * <ul>
 *   <li>{@code complete}: the fetch finished and every collection has landed at least what was published (its
 *       {@code distinct_keys} when the fetcher reports them, else {@code published});</li>
 *   <li>{@code superseded}: the fetch finished, and every collection short of its published count holds documents
 *       of a later run (by {@code started_at}): the missing documents were re-fetched and replaced, not lost;</li>
 *   <li>{@code nothing}: the fetch failed or was abandoned and published nothing from Peakon (every collection but
 *       the static {@code drivers_catalog} published 0, e.g. authentication failed; for an abandoned run, whose
 *       stats miss the collection its fetcher died in, nothing from Peakon landed either): there is no copy to call
 *       complete, and nothing is on its way;</li>
 *   <li>{@code pending}: anything else (still fetching, or records still on their way).</li>
 * </ul>
 */
final class LandingStatus {

    // The values are the contract's (common): readers of ingestion_runs filter and wait on the same list.
    static final String COMPLETE = RunLandingStatus.COMPLETE.value();
    static final String SUPERSEDED = RunLandingStatus.SUPERSEDED.value();
    static final String PENDING = RunLandingStatus.PENDING.value();
    static final String NOTHING = RunLandingStatus.NOTHING.value();

    private LandingStatus() {}

    static String of(
            String runId, Document run, Map<String, Map<String, Long>> landedByRun, Collection<Document> allRuns) {
        String status = run.getString(RunFields.STATUS);
        if (status == null || RunFields.RUNNING.equals(status)) {
            return PENDING;
        }
        Document collections = run.get(RunFields.COLLECTIONS, Document.class);
        Map<String, Long> landed = landedByRun.getOrDefault(runId, Map.of());
        if (RunStatus.FAILED.value().equals(status) && !publishedFromPeakon(collections)) {
            return NOTHING;
        }
        // An abandoned run's stats are those of the collections its fetcher finished; what it sent of the one it
        // died in is uncounted, but if any of it landed the run is not "nothing".
        if (RunStatus.ABANDONED.value().equals(status)
                && !publishedFromPeakon(collections)
                && !landedFromPeakon(landed)) {
            return NOTHING;
        }
        boolean superseded = false;
        if (collections != null) {
            for (Map.Entry<String, Object> entry : collections.entrySet()) {
                if (!(entry.getValue() instanceof Document stats)
                        || !(stats.get(RunFields.PUBLISHED) instanceof Number published)) {
                    continue;
                }
                // A run may publish a document twice (a page re-read): what should land is its distinct keys.
                long expected = stats.get(RunFields.DISTINCT_KEYS) instanceof Number distinct
                        ? distinct.longValue()
                        : published.longValue();
                if (landed.getOrDefault(entry.getKey(), 0L) >= expected) {
                    continue;
                }
                if (!laterRunHolds(run, entry.getKey(), landedByRun, allRuns)) {
                    return PENDING;
                }
                superseded = true;
            }
        }
        return superseded ? SUPERSEDED : COMPLETE;
    }

    /**
     * Whether any collection fetched from Peakon published a record. The drivers catalog is shipped with the fetcher
     * and published even when authentication failed, so it does not make a run a copy of anything.
     */
    private static boolean publishedFromPeakon(Document collections) {
        if (collections == null) {
            return false;
        }
        return collections.entrySet().stream()
                .anyMatch(entry ->
                        !PeakonCollection.DRIVERS_CATALOG.collectionName().equals(entry.getKey())
                                && entry.getValue() instanceof Document stats
                                && stats.get(RunFields.PUBLISHED) instanceof Number published
                                && published.longValue() > 0);
    }

    private static boolean landedFromPeakon(Map<String, Long> landed) {
        return landed.entrySet().stream()
                .anyMatch(entry ->
                        !PeakonCollection.DRIVERS_CATALOG.collectionName().equals(entry.getKey())
                                && entry.getValue() > 0);
    }

    /**
     * Whether one collection of a run has landed as far as it ever will: at least its {@code distinct_keys} (else
     * {@code published}) documents carry the run id, or a later run holds documents of the collection (it replaced
     * the missing ones). What {@code complete} and {@code superseded} mean for one collection; the departures pass
     * waits for it on employees ({@link Departures}).
     */
    static boolean collectionDecided(
            String runId,
            Document run,
            String collection,
            Map<String, Map<String, Long>> landedByRun,
            Collection<Document> allRuns) {
        if (!(run.get(RunFields.COLLECTIONS) instanceof Document collections)
                || !(collections.get(collection) instanceof Document stats)
                || !(stats.get(RunFields.PUBLISHED) instanceof Number published)) {
            return false;
        }
        long expected = stats.get(RunFields.DISTINCT_KEYS) instanceof Number distinct
                ? distinct.longValue()
                : published.longValue();
        return landedByRun.getOrDefault(runId, Map.of()).getOrDefault(collection, 0L) >= expected
                || laterRunHolds(run, collection, landedByRun, allRuns);
    }

    /** Whether a run that started after {@code run} has documents of {@code collection}: it replaced the missing ones. */
    private static boolean laterRunHolds(
            Document run, String collection, Map<String, Map<String, Long>> landedByRun, Collection<Document> allRuns) {
        String startedAt = run.getString(RunFields.STARTED_AT);
        return startedAt != null
                && allRuns.stream().anyMatch(other -> {
                    String otherStart = other.getString(RunFields.STARTED_AT);
                    return otherStart != null
                            && otherStart.compareTo(startedAt) > 0
                            && landedByRun
                                            .getOrDefault(String.valueOf(other.get("_id")), Map.of())
                                            .getOrDefault(collection, 0L)
                                    > 0;
                });
    }
}
