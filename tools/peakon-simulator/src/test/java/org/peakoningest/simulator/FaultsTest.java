package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void theServerErrorRateIsRoughlyAsConfiguredAndTheSameForTheSameSeed() {
        List<Integer> first = statuses(config("--error-rate", "0.25"), 400);
        List<Integer> second = statuses(config("--error-rate", "0.25"), 400);

        long failures = first.stream().filter(s -> s >= 500).count();
        assertThat(failures).isBetween(70L, 130L);
        assertThat(first).allMatch(s -> s == 200 || s == 500 || s == 502 || s == 503);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void rateLimitsComeWithAndWithoutRetryAfterAsConfigured() {
        SimulatorConfig config = config(
                "--rate-limit-rate", "0.2", "--rate-limit-no-retry-after-rate", "0.2", "--retry-after-seconds", "7");
        try (PeakonSimulator sim = PeakonSimulator.start(config)) {
            SimClient client = loggedIn(sim);
            int withHeader = 0;
            int withoutHeader = 0;
            for (int i = 0; i < 300; i++) {
                SimClient.Response r = client.get("/engagement/drivers");
                if (r.status() == 429) {
                    if (r.headers().firstValue("Retry-After").isPresent()) {
                        assertThat(r.headers().firstValue("Retry-After")).contains("7");
                        withHeader++;
                    } else {
                        withoutHeader++;
                    }
                    assertThat(r.json().path("errors").get(0).path("status").stringValue())
                            .isEqualTo("429");
                } else {
                    assertThat(r.status()).isEqualTo(200);
                }
            }
            assertThat(withHeader).isBetween(35, 90);
            assertThat(withoutHeader).isBetween(35, 90);
            assertThat(sim.stats().status(429)).isEqualTo(withHeader + withoutHeader);
        }
    }

    @Test
    void requestsBeyondTheBudgetAre429UntilTheWindowSlidesAndStatsReportTheMaxWindowCount() {
        SimulatorConfig config = config("--request-budget", "5", "--budget-window-ms", "3000");
        try (PeakonSimulator sim = PeakonSimulator.start(config)) {
            SimClient client = loggedIn(sim); // request 1
            List<Integer> burst = new ArrayList<>();
            List<String> retryAfter = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                SimClient.Response r = client.get("/engagement/drivers");
                burst.add(r.status());
                r.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
            }

            assertThat(burst).containsExactly(200, 200, 200, 200, 429, 429, 429);
            assertThat(retryAfter)
                    .hasSize(3)
                    .allSatisfy(v -> assertThat(Integer.parseInt(v)).isBetween(1, 3));
            assertThat(sim.stats().maxRequestsInWindow()).isEqualTo(8);

            // polls count against the budget too: one per second keeps the window under 5 once the burst is gone
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(1000))
                    .until(() -> client.get("/engagement/drivers").status() == 200);
        }
    }

    @Test
    void latencyIsAddedToEveryApiRequest() {
        try (PeakonSimulator sim = PeakonSimulator.start(config("--latency-ms", "150"))) {
            SimClient client = loggedIn(sim);
            long start = System.nanoTime();
            client.get("/engagement/drivers");
            client.get("/engagement/drivers");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void expiredTokensAre401() {
        try (PeakonSimulator sim = PeakonSimulator.start(config("--token-ttl-seconds", "2"))) {
            SimClient client = loggedIn(sim);
            assertThat(client.get("/engagement/drivers").status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(8))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> client.get("/engagement/drivers").status() == 401);
        }
    }

    private static List<Integer> statuses(SimulatorConfig config, int requests) {
        try (PeakonSimulator sim = PeakonSimulator.start(config)) {
            SimClient client = loggedIn(sim);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                statuses.add(client.get("/scores/contexts/company_22182/group/engagement")
                        .status());
            }
            return statuses;
        }
    }

    /** Faults hit the login too, as they would in production: retry it like a crawler would. */
    private static SimClient loggedIn(PeakonSimulator sim) {
        SimClient client = new SimClient(sim.baseUrl());
        for (int attempt = 0; ; attempt++) {
            try {
                client.login("sim-app-token");
                return client;
            } catch (IllegalStateException failed) {
                if (attempt > 20) {
                    throw failed;
                }
            }
        }
    }

    private static SimulatorConfig config(String... flags) {
        List<String> args = new ArrayList<>(
                List.of("--port", "0", "--employees", "20", "--answers", "100", "--request-budget", "0"));
        args.addAll(List.of(flags));
        return SimulatorConfig.parse(args.toArray(String[]::new), Map.of());
    }
}
