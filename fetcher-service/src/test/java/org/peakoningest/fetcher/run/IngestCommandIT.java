package org.peakoningest.fetcher.run;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.peakoningest.fetcher.CrawlFixture;
import org.peakoningest.fetcher.PeakonStub;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.lock.CrawlLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** {@code ingest} under the crawl lock: two fetchers never crawl at once, the second one exits 75. */
@TestPropertySource(properties = {"peakon.fetcher.topic-prefix=it-ingest.", "peakon.fetcher.full-sync=true"})
class IngestCommandIT extends CrawlFixture {

    @Autowired
    CrawlLock lock;

    @Autowired
    FetcherProperties props;

    @Test
    void twoConcurrentRunsNeverCrawlAtOnce() {
        peakon.stubFor(PeakonStub.answersPage(absent())
                .atPriority(1)
                .willReturn(PeakonStub.json(
                                PeakonStub.page(PeakonStub.answerItems(101, 103), "\"links\":{\"next\":null}", false))
                        .withFixedDelay(2000)));
        IngestCommand first = new IngestCommand(ingestion, lock, props, false, "");
        IngestCommand second = new IngestCommand(ingestion, lock, props, false, "");

        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> first.run(null));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !peakon.findAll(PeakonStub.answersPageRequested()).isEmpty());
        second.run(null);

        assertThat(second.getExitCode()).as("exit status of the second fetcher").isEqualTo(75);
        running.join();
        assertThat(first.getExitCode()).as("the first run succeeded").isZero();
        peakon.verify(1, PeakonStub.answersPageRequested());
        // and once the first is done, the lock is free again
        second.run(null);
        assertThat(second.getExitCode()).isZero();
    }
}
