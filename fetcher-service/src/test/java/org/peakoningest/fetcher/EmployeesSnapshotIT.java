package org.peakoningest.fetcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.runs.CollectionFinished;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.run.RunReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ArrayNode;

/**
 * Employees over time (issue #14): every run crawls every employee, even an incremental one, so changes of manager or
 * department land and departures can be told; a complete crawl says so in its run events, with Peakon's own count
 * ({@code GET /employees/count}) next to what was crawled, and a disagreement is a warning, not a silent pass.
 */
@TestPropertySource(
        properties = {
            "peakon.fetcher.backoff-initial=10ms",
            "peakon.fetcher.backoff-max=50ms",
            "peakon.fetcher.topic-prefix=it-employees."
        })
@ExtendWith(OutputCaptureExtension.class)
class EmployeesSnapshotIT extends CrawlFixture {

    private static final String EMPLOYEES = PeakonStub.API + "/employees";

    @Autowired
    FetcherProperties props;

    @Autowired
    MeterRegistry meters;

    @Test
    void anIncrementalRunCrawlsEveryEmployeeWithoutAContinuationSoAChangedManagerLands() {
        // Last week's run saw everyone up to 7003; since then 7002 moved to Sales under 7003.
        mongo.getCollection(MongoCollections.SYNC_STATE)
                .insertOne(new Document("_id", "employees").append("last_employee_id", 7003));
        ArrayNode firstPage = ContractJson.mapper().createArrayNode();
        firstPage.add(PeakonStub.employee(7001, 7001, "R&D"));
        firstPage.add(PeakonStub.employee(7002, 7003, "Sales"));
        peakon.stubFor(get(urlPathEqualTo(EMPLOYEES))
                .withQueryParam("page", absent())
                .withQueryParam("continuation", absent())
                .atPriority(1)
                .willReturn(PeakonStub.json(
                        PeakonStub.page(firstPage.toString(), "\"meta\":{\"page\":1,\"pages\":2}", false))));
        // A Peakon that honoured a continuation would list nobody after the cursor: the changes would be lost.
        peakon.stubFor(get(urlPathEqualTo(EMPLOYEES))
                .withQueryParam("continuation", matching(".*"))
                .atPriority(1)
                .willReturn(PeakonStub.json(PeakonStub.page("[]", "\"links\":{\"next\":null}", false))));

        RunReport report = ingestion.execute(SyncMode.INCREMENTAL, false);

        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
        peakon.verify(0, getRequestedFor(urlPathEqualTo(EMPLOYEES)).withQueryParam("continuation", matching(".*")));
        List<RecordEnvelope> employees = envelopesOf(report.runId()).get(PeakonCollection.EMPLOYEES);
        assertThat(employees).extracting(e -> e.key().jsonValue()).containsExactlyInAnyOrder(7001L, 7002L, 7003L);
        RecordEnvelope moved = employees.stream()
                .filter(e -> e.key().jsonValue().equals(7002L))
                .findFirst()
                .orElseThrow();
        assertThat(moved.item().at("/relationships/Manager/data/id").asString()).isEqualTo("7003");
        assertThat(moved.item().at("/attributes/Department").asString()).isEqualTo("Sales");
        assertThat(report.collections().get("employees").published()).isEqualTo(3);
    }

    @Test
    void aCompleteEmployeesCrawlIsASnapshotWithPeakonsCountAsExpected() {
        mongo.getCollection(MongoCollections.SYNC_STATE)
                .insertOne(new Document("_id", "employees").append("last_employee_id", 7003));

        RunReport report = ingestion.execute(SyncMode.INCREMENTAL, false);

        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
        CollectionStats employees = collectionFinished(report, "employees");
        assertThat(employees.completeSnapshot()).isTrue();
        assertThat(employees.isCompleteSnapshot()).isTrue();
        assertThat(employees.expected()).isEqualTo(PeakonStub.EMPLOYEES);
        assertThat(employees.distinctKeys()).isEqualTo(PeakonStub.EMPLOYEES);
        assertThat(employees.countMismatch()).isFalse();
        RunFinished finished = runFinished(report);
        assertThat(finished.collections().get("employees")).isEqualTo(employees);
        // Answers are crawled incrementally: never a snapshot, and Peakon offers no count of them.
        assertThat(finished.collections().get("answers_export").completeSnapshot())
                .isNotEqualTo(Boolean.TRUE);
        assertThat(finished.collections().get("answers_export").expected()).isNull();
        // The count is asked once, after the login and before the first page of the crawl.
        List<LoggedRequest> requests = peakon.findAll(anyRequestedFor(urlPathMatching(PeakonStub.API + "/.*"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
        assertThat(requests)
                .extracting(r -> r.getUrl().replaceFirst("\\?.*", ""))
                .startsWith(
                        PeakonStub.API + "/auth/application",
                        PeakonStub.EMPLOYEES_COUNT,
                        PeakonStub.API + "/answers/export");
        peakon.verify(1, getRequestedFor(urlPathEqualTo(PeakonStub.EMPLOYEES_COUNT)));
    }

    @Test
    void anEmployeesCrawlThatFailsOnPageTwoIsNoSnapshot() {
        peakon.stubFor(get(urlPathEqualTo(EMPLOYEES))
                .withQueryParam("page", equalTo("2"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"errors\":[{\"detail\":\"boom\"}]}")));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        peakon.verify(
                props.maxAttempts(), getRequestedFor(urlPathEqualTo(EMPLOYEES)).withQueryParam("page", equalTo("2")));
        CollectionStats employees = collectionFinished(report, "employees");
        assertThat(employees.status()).isEqualTo(CollectionStatus.FAILED);
        assertThat(employees.published()).as("the first page landed").isEqualTo(2);
        assertThat(employees.completeSnapshot())
                .as("whoever was on page 2 has not left")
                .isNotEqualTo(Boolean.TRUE);
        assertThat(employees.isCompleteSnapshot()).isFalse();
        assertThat(runFinished(report).collections().get("employees")).isEqualTo(employees);
        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
    }

    @Test
    void aCountMismatchIsAWarningInTheLogAndTheSummaryAndAMetric(CapturedOutput output) {
        peakon.stubFor(get(urlPathEqualTo(PeakonStub.EMPLOYEES_COUNT))
                .atPriority(1)
                .willReturn(PeakonStub.json("{\"count\":5}")));
        double mismatchesBefore = mismatches();

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        assertThat(report.status()).as("a warning, not a failure").isEqualTo(RunStatus.SUCCESS);
        CollectionStats employees = collectionFinished(report, "employees");
        assertThat(employees.expected()).isEqualTo(5);
        assertThat(employees.distinctKeys()).isEqualTo(3);
        assertThat(employees.countMismatch()).isTrue();
        String warning = "employees: Peakon counted 5, the run crawled 3";
        assertThat(output.getOut().lines().filter(line -> line.contains(warning)))
                .as("the log's warning and the summary table's line")
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("WARN"))
                .anySatisfy(line -> assertThat(line).isEqualTo("warning: " + warning));
        assertThat(output.getOut()).containsPattern("employees\\s+success\\s+3\\s+5\\s+2\\s+0");
        assertThat(mismatches() - mismatchesBefore).isEqualTo(1.0);
        assertThat(meters.get("peakon.fetcher.count.expected")
                        .tag("collection", "employees")
                        .gauge()
                        .value())
                .isEqualTo(5.0);
        assertThat(meters.get("peakon.fetcher.count.crawled")
                        .tag("collection", "employees")
                        .gauge()
                        .value())
                .isEqualTo(3.0);
    }

    @Test
    void anUnavailableCountLeavesExpectedOutAndTheRunGoesOn(CapturedOutput output) {
        peakon.stubFor(get(urlPathEqualTo(PeakonStub.EMPLOYEES_COUNT))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("{\"errors\":[{\"detail\":\"unavailable\"}]}")));
        double mismatchesBefore = mismatches();

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        peakon.verify(props.maxAttempts(), getRequestedFor(urlPathEqualTo(PeakonStub.EMPLOYEES_COUNT)));
        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
        CollectionStats employees = collectionFinished(report, "employees");
        assertThat(employees.expected()).isNull();
        assertThat(employees.countMismatch()).isFalse();
        assertThat(employees.isCompleteSnapshot())
                .as("the snapshot does not depend on the count")
                .isTrue();
        assertThat(output.getOut().lines().filter(line -> line.contains("without Peakon's count")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("WARN", "HTTP 503", "without Peakon's count"));
        assertThat(mismatches()).isEqualTo(mismatchesBefore);
    }

    private double mismatches() {
        Counter counter = meters.find("peakon.fetcher.count.mismatch")
                .tag("collection", "employees")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private CollectionStats collectionFinished(RunReport report, String collection) {
        List<RunEvent> events = runEventsOf(report.runId());
        CollectionStats published = events.stream()
                .filter(CollectionFinished.class::isInstance)
                .map(CollectionFinished.class::cast)
                .filter(f -> f.collection().equals(collection))
                .findFirst()
                .orElseThrow()
                .stats();
        assertThat(report.collections().get(collection)).isEqualTo(published);
        return published;
    }

    private RunFinished runFinished(RunReport report) {
        List<RunEvent> events = runEventsOf(report.runId());
        return (RunFinished) events.get(events.size() - 1);
    }
}
