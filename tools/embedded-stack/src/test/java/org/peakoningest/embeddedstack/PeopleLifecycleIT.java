package org.peakoningest.embeddedstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.runs.RunFields;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import org.peakoningest.embeddedstack.summary.IngestSummary;
import org.peakoningest.embeddedstack.summary.RunRecord;

/**
 * Issue #14 across the processes, from the built jars: people who leave and come back, and Peakon's own count, as a
 * user sees them in MongoDB, in {@code ingestion_runs} and in the run summary.
 *
 * <p>The simulator lists one employee fewer than {@code /employees/count} says ({@code --under-serve-employees 1}),
 * so every run carries the count warning. Three weekly (incremental) runs:
 *
 * <ol>
 *   <li>everyone listed is stored {@code present: true}; the run says "Peakon counted 60, the run crawled 59";</li>
 *   <li>three people leave ({@code POST /_sim/employees/leave}): exactly those three are {@code present: false},
 *       {@code absent_since} = the run's {@code started_at}; everyone else stays present;</li>
 *   <li>one of them returns: present again, without {@code absent_since}; the other two keep the date of run 2;</li>
 *   <li>{@code ./peakon-ingest erase --employee 50005}: the person's employee document and answers are deleted at
 *       once, and the next crawl (Peakon still serving them) publishes nothing of them and reports them as erased;
 *       the run lands complete.</li>
 * </ol>
 */
class PeopleLifecycleIT {

    private static final Set<String> LEAVERS = Set.of("50002", "50003", "50004");
    private static final String RETURNER = "50003";
    private static final String ERASED = "50005";

    @Test
    void departuresReturnsAndPeakonsCountShowInTheCopyTheRunsAndTheSummary() throws Exception {
        try (StackFixture fixture = new StackFixture("people")) {
            EmbeddedStack stack = fixture.stack();
            fixture.startInfrastructure();
            stack.startSimulator(
                    OptionalInt.of(1_000), OptionalInt.of(60), "--score-periods", "3", "--under-serve-employees", "1");
            stack.startWriter(1);
            MongoDatabase db = fixture.database();

            // 1. Everyone Peakon lists is present; its count (60) disagrees with its list (59).
            RunRecord first = fixture.ingest(false, null);
            fixture.assertExact(first);
            assertThat(first.expected("employees")).contains(60L);
            assertThat(first.warnings()).containsExactly("employees: Peakon counted 60, the run crawled 59");
            String summary = new IngestSummary(
                            java.util.Optional.of(first),
                            fixture.mongo().documentCounts(),
                            0,
                            Duration.ofSeconds(1),
                            Map.of())
                    .render();
            assertThat(summary).contains("employees: Peakon counted 60, the run crawled 59");
            Map<String, Document> everyone = awaitDepartures(db, first.runId());
            assertThat(everyone).hasSize(59);
            assertThat(everyone.values())
                    .allSatisfy(p -> assertThat(p.get(DocumentFields.PRESENT)).isEqualTo(true));

            // 2. Three leave: exactly they are absent, since this run.
            fixture.simulatorPost("/_sim/employees/leave?ids=" + String.join(",", new TreeSet<>(LEAVERS)));
            RunRecord second = fixture.ingest(false, null);
            fixture.assertCopyExact(second);
            assertThat(second.warnings()).containsExactly("employees: Peakon counted 57, the run crawled 56");
            String secondStart = startedAt(db, second.runId());
            Map<String, Document> people = awaitDepartures(db, second.runId());
            assertThat(absent(people)).isEqualTo(LEAVERS);
            assertThat(LEAVERS)
                    .allSatisfy(id -> assertThat(people.get(id).get(DocumentFields.ABSENT_SINCE))
                            .isEqualTo(secondStart));

            // 3. One comes back: present again; the other two keep the date they were first missed.
            fixture.simulatorPost("/_sim/employees/return?ids=" + RETURNER);
            RunRecord third = fixture.ingest(false, null);
            fixture.assertCopyExact(third);
            Map<String, Document> after = awaitDepartures(db, third.runId());
            assertThat(absent(after)).containsExactlyInAnyOrder("50002", "50004");
            assertThat(after.get(RETURNER).get(DocumentFields.PRESENT)).isEqualTo(true);
            assertThat(after.get(RETURNER)).doesNotContainKey(DocumentFields.ABSENT_SINCE);
            assertThat(after.get("50002").get(DocumentFields.ABSENT_SINCE)).isEqualTo(secondStart);

            // 4. Erasure: deleted now, and not brought back by the next crawl.
            MongoCollection<Document> answers = db.getCollection(PeakonCollection.ANSWERS_EXPORT.collectionName());
            long answersOfPerson = answers.countDocuments(Filters.eq("attributes.employeeId", ERASED));
            assertThat(answersOfPerson)
                    .as("answers of %s before the erasure", ERASED)
                    .isPositive();
            Map<String, String> landingBeforeErasure = landingStatuses(db);
            assertThat(fixture.erase("--employee", ERASED, "--by", "dpo")).isZero();
            Instant deadline = Instant.now().plus(StackFixture.RUN_TIMEOUT);
            while ((answers.countDocuments(Filters.eq("attributes.employeeId", ERASED)) > 0
                            || employees(db).containsKey(ERASED))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertThat(employees(db)).doesNotContainKey(ERASED);
            assertThat(answers.countDocuments(Filters.eq("attributes.employeeId", ERASED)))
                    .isZero();
            // The run whose documents were erased still landed them (the erasure record says so): complete, and
            // still the judge of who left.
            while (!(runDocument(db, third.runId())
                                    .getEmbedded(
                                            List.of(RunFields.COLLECTIONS, "employees", RunFields.ERASED_AFTER_LANDING),
                                            Object.class)
                            instanceof Number)
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            Document thirdRun = runDocument(db, third.runId());
            assertThat(thirdRun.getEmbedded(
                            List.of(RunFields.COLLECTIONS, "employees", RunFields.ERASED_AFTER_LANDING), Object.class))
                    .isEqualTo(1L);
            // Their answers belong to the runs that last fetched them (incremental runs fetch only new answers).
            long erasedAnswers = 0;
            for (Document run :
                    db.getCollection(MongoCollections.INGESTION_RUNS).find()) {
                if (run.getEmbedded(
                                List.of(RunFields.COLLECTIONS, "answers_export", RunFields.ERASED_AFTER_LANDING),
                                Object.class)
                        instanceof Number n) {
                    erasedAnswers += n.longValue();
                }
            }
            assertThat(erasedAnswers).isEqualTo(answersOfPerson);
            assertThat(landingStatuses(db)).isEqualTo(landingBeforeErasure);
            assertThat(thirdRun.getString(RunFields.LANDING_STATUS)).isEqualTo("complete");
            assertThat(absent(employees(db))).containsExactlyInAnyOrder("50002", "50004");
            RunRecord fourth = fixture.ingest(true, null);
            assertThat(fourth.landingComplete()).isTrue();
            assertThat(fourth.collections().get("employees")).containsEntry("erased", 1L);
            assertThat(fourth.collections().get("answers_export")).containsEntry("erased", answersOfPerson);
            assertThat(employees(db)).doesNotContainKey(ERASED);
            assertThat(answers.countDocuments(Filters.eq("attributes.employeeId", ERASED)))
                    .isZero();
            fixture.assertNothingDeadLettered();
        }
    }

    /** Per run id, its landing status. */
    private static Map<String, String> landingStatuses(MongoDatabase db) {
        Map<String, String> out = new java.util.TreeMap<>();
        db.getCollection(MongoCollections.INGESTION_RUNS)
                .find()
                .forEach(run -> out.put(String.valueOf(run.get("_id")), run.getString(RunFields.LANDING_STATUS)));
        return out;
    }

    /** Waits until the writer recorded the run's departures pass; returns the employees by id. */
    private static Map<String, Document> awaitDepartures(MongoDatabase db, String runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(StackFixture.RUN_TIMEOUT);
        while (runDocument(db, runId).get(RunFields.DEPARTURES) == null
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(runDocument(db, runId)).as("ingestion_runs of %s", runId).containsKey(RunFields.DEPARTURES);
        return employees(db);
    }

    private static Map<String, Document> employees(MongoDatabase db) {
        Map<String, Document> byId = new HashMap<>();
        db.getCollection(PeakonCollection.EMPLOYEES.collectionName())
                .find()
                .forEach(doc -> byId.put(String.valueOf(doc.get(DocumentFields.ID)), doc));
        return byId;
    }

    private static Document runDocument(MongoDatabase db, String runId) {
        Document run = db.getCollection(MongoCollections.INGESTION_RUNS)
                .find(Filters.eq(DocumentFields.ID, runId))
                .first();
        return run == null ? new Document() : run;
    }

    private static String startedAt(MongoDatabase db, String runId) {
        return String.valueOf(runDocument(db, runId).get(RunFields.STARTED_AT));
    }

    private static Set<String> absent(Map<String, Document> people) {
        Set<String> ids = new TreeSet<>();
        people.forEach((id, doc) -> {
            if (Boolean.FALSE.equals(doc.get(DocumentFields.PRESENT))) {
                ids.add(id);
            }
        });
        return ids;
    }
}
