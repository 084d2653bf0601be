package org.peakoningest.writer.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.runs.RunLandingStatus;

class LandingStatusTest {

    private static Document run(String id, String status, String startedAt, long publishedAnswers) {
        Document doc = new Document("_id", id).append("started_at", startedAt);
        if (status != null) {
            doc.append("status", status);
        }
        return doc.append("collections", new Document("answers_export", new Document("published", publishedAnswers)));
    }

    @Test
    void completeWhenEveryCollectionLandedWhatWasPublished() {
        Document run = run("a", "success", "2026-11-01", 10);
        assertThat(LandingStatus.of("a", run, Map.of("a", Map.of("answers_export", 10L)), List.of(run)))
                .isEqualTo("complete");
    }

    @Test
    void pendingWhileFetchingOrShort() {
        Document running = run("a", "running", "2026-11-01", 10);
        assertThat(LandingStatus.of("a", running, Map.of("a", Map.of("answers_export", 10L)), List.of(running)))
                .isEqualTo("pending");
        Document finished = run("a", "success", "2026-11-01", 10);
        assertThat(LandingStatus.of("a", finished, Map.of("a", Map.of("answers_export", 9L)), List.of(finished)))
                .isEqualTo("pending");
        Document noEvents = new Document("_id", "a");
        assertThat(LandingStatus.of("a", noEvents, Map.of("a", Map.of("answers_export", 9L)), List.of(noEvents)))
                .isEqualTo("pending");
    }

    @Test
    void aDocumentPublishedTwiceInOneRunIsExpectedOnce() {
        Document run = run("a", "success", "2026-11-01", 10);
        run.get("collections", Document.class)
                .get("answers_export", Document.class)
                .append("distinct_keys", 9L);
        assertThat(LandingStatus.of("a", run, Map.of("a", Map.of("answers_export", 9L)), List.of(run)))
                .isEqualTo("complete");
    }

    @Test
    void supersededWhenALaterRunHoldsTheMissingDocuments() {
        Document older = run("a", "success", "2026-11-01", 10);
        Document newer = run("b", "success", "2026-11-08", 4);
        Map<String, Map<String, Long>> landed =
                Map.of("a", Map.of("answers_export", 6L), "b", Map.of("answers_export", 4L));
        assertThat(LandingStatus.of("a", older, landed, List.of(older, newer))).isEqualTo("superseded");
        assertThat(LandingStatus.of("b", newer, landed, List.of(older, newer))).isEqualTo("complete");
        // An earlier run holding documents does not explain a later run's gap.
        Document gap = run("b", "success", "2026-11-08", 5);
        assertThat(LandingStatus.of("b", gap, landed, List.of(older, gap))).isEqualTo("pending");
    }

    @Test
    void aFailedRunThatPublishedNothingFromPeakonIsNotComplete() {
        // Authentication failed: every API collection published 0, only the static catalog went out (and landed).
        Document run = run("a", "failed", "2026-11-01", 0);
        Document collections = run.get("collections", Document.class);
        collections.append("employees", new Document("published", 0L).append("distinct_keys", 0L));
        collections.append("drivers_catalog", new Document("published", 17L).append("distinct_keys", 17L));
        Map<String, Map<String, Long>> landed = Map.of("a", Map.of("drivers_catalog", 17L));
        assertThat(LandingStatus.of("a", run, landed, List.of(run))).isEqualTo("nothing");

        Document nothingAtAll = run("b", "failed", "2026-11-01", 0);
        assertThat(LandingStatus.of("b", nothingAtAll, Map.of(), List.of(nothingAtAll)))
                .isEqualTo("nothing");
    }

    @Test
    void anAbandonedRunIsFinishedAndJudgedOnTheCollectionsItFinished() {
        // Its fetcher died: another fetcher ended it with the collections it had finished (answers_export, 10).
        Document run = run("a", "abandoned", "2026-11-01", 10);
        assertThat(LandingStatus.of("a", run, Map.of("a", Map.of("answers_export", 10L)), List.of(run)))
                .isEqualTo("complete");
        assertThat(LandingStatus.of("a", run, Map.of("a", Map.of("answers_export", 9L)), List.of(run)))
                .isEqualTo("pending");
    }

    @Test
    void anAbandonedRunThatPublishedNothingFromPeakonIsNothing() {
        Document beforeAnyCollection = new Document("_id", "a").append("status", "abandoned");
        assertThat(LandingStatus.of("a", beforeAnyCollection, Map.of(), List.of(beforeAnyCollection)))
                .isEqualTo("nothing");
        Document onlyTheCatalog = run("b", "abandoned", "2026-11-01", 0);
        onlyTheCatalog
                .get("collections", Document.class)
                .append("drivers_catalog", new Document("published", 17L).append("distinct_keys", 17L));
        assertThat(LandingStatus.of(
                        "b", onlyTheCatalog, Map.of("b", Map.of("drivers_catalog", 17L)), List.of(onlyTheCatalog)))
                .isEqualTo("nothing");
    }

    @Test
    void anAbandonedRunWhoseUncountedRecordsLandedIsNotNothing() {
        // Killed in its first collection: no stats, but what it had sent arrived; that is not "nothing".
        Document run = new Document("_id", "a").append("status", "abandoned");
        assertThat(LandingStatus.of("a", run, Map.of("a", Map.of("answers_export", 120L)), List.of(run)))
                .isEqualTo("complete");
    }

    @Test
    void aFailedRunIsCompleteWhenWhatItDidPublishHasLanded() {
        Document failed = run("a", "failed", "2026-11-01", 10);
        assertThat(LandingStatus.of("a", failed, Map.of("a", Map.of("answers_export", 10L)), List.of(failed)))
                .isEqualTo("complete");
        Document emptyButSuccessful = run("b", "success", "2026-11-01", 0);
        assertThat(LandingStatus.of("b", emptyButSuccessful, Map.of(), List.of(emptyButSuccessful)))
                .as("a company with nothing to export, fetched without error")
                .isEqualTo("complete");
    }

    @Test
    void theWriterWritesExactlyTheContractsLandingStatuses() {
        assertThat(List.of(
                        LandingStatus.COMPLETE, LandingStatus.SUPERSEDED, LandingStatus.NOTHING, LandingStatus.PENDING))
                .containsExactlyInAnyOrderElementsOf(RunLandingStatus.storedValues());
    }
}
