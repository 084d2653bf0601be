package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScoreIntervalsTest {

    private static final String ENGAGEMENT = "/scores/contexts/company_22182/group/engagement";

    @Test
    void allServesTwoYearsOfMonthlyPointsAndTheDefaultIsTheCurrentQuarterOfThem() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(10, 0))) {
            SimClient client = loggedIn(sim);

            Map<String, List<JsonNode>> all = byCategory(client.get(ENGAGEMENT + "?interval=all"));
            Map<String, List<JsonNode>> byDefault = byCategory(client.get(ENGAGEMENT));

            assertThat(all).hasSize(18);
            List<Long> times = times(all.get("1527153"));
            assertThat(times).hasSize(24).isSorted().doesNotHaveDuplicates();
            assertThat(times.get(0)).isEqualTo(epoch(2024, 12));
            assertThat(times.get(23)).isEqualTo(epoch(2026, 11));
            assertThat(times(byDefault.get("1527153"))).containsExactly(epoch(2026, 10), epoch(2026, 11));
            // the same point under another interval is the same point: same key, same values
            assertThat(byDefault.get("1527153").get(1))
                    .isEqualTo(all.get("1527153").get(23));
            assertThat(client.get(ENGAGEMENT + "?interval=quarter").text())
                    .isEqualTo(client.get(ENGAGEMENT).text());
            assertThat(sim.expected().scorePointsPerInterval())
                    .containsEntry("all", 24)
                    .containsEntry("quarter", 2);
        }
    }

    @Test
    void monthYearAndRecentServeTheirWindowOfTheHistory() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(10, 0))) {
            SimClient client = loggedIn(sim);

            for (String interval : List.of("month", "quarter", "year", "recent", "all")) {
                SimClient.Response r = client.get(ENGAGEMENT + "?interval=" + interval);
                assertThat(r.status()).as(interval).isEqualTo(200);
                int perCategory = sim.expected().scorePointsPerInterval().get(interval);
                assertThat(r.json().path("data").size()).as(interval).isEqualTo(18 * perCategory);
            }
            assertThat(sim.expected().scorePointsPerInterval())
                    .isEqualTo(Map.of("month", 1, "quarter", 2, "year", 11, "recent", 2, "all", 24));
            assertThat(times(byCategory(client.get(ENGAGEMENT + "?interval=year"))
                            .get("1527153")))
                    .first()
                    .isEqualTo(epoch(2026, 1));
        }
    }

    @Test
    void aShortHistoryIsClippedAndTheCountsFollowTheConfiguredPeriods() {
        SimulatorConfig config = SimulatorConfig.parse(
                new String[] {"--port", "0", "--employees", "5", "--answers", "0", "--score-periods", "6"}, Map.of());
        try (PeakonSimulator sim = PeakonSimulator.start(config)) {
            SimClient client = loggedIn(sim);

            assertThat(client.get(ENGAGEMENT + "?interval=all")
                            .json()
                            .path("data")
                            .size())
                    .isEqualTo(18 * 6);
            assertThat(client.get(ENGAGEMENT + "?interval=year")
                            .json()
                            .path("data")
                            .size())
                    .isEqualTo(18 * 6);
            assertThat(sim.expected().count("scores_contexts")).isEqualTo(18 * 6);
            assertThat(sim.expected().countWithoutInterval("scores_contexts")).isEqualTo(18 * 2);
        }
    }

    @Test
    void participationAndObservationsComeOnlyWhenAskedForAndAddUp() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(300, 0))) {
            SimClient client = loggedIn(sim);

            List<JsonNode> items = new ArrayList<>();
            client.get(ENGAGEMENT + "?interval=all&participation=true&observations=true")
                    .json()
                    .path("data")
                    .forEach(items::add);
            JsonNode onlyParticipation = client.get(ENGAGEMENT + "?participation=true")
                    .json()
                    .path("data")
                    .get(0)
                    .path("attributes");

            assertThat(items).hasSize(18 * 24).allSatisfy(item -> {
                JsonNode participation = item.path("attributes").path("participation");
                int responded = participation.path("responded").intValue();
                assertThat(participation.path("total").intValue()).isEqualTo(300);
                assertThat(responded).isBetween(150, 300);
                assertThat(participation.path("rate").doubleValue())
                        .isCloseTo(responded / 300.0, org.assertj.core.data.Offset.offset(0.001));
                JsonNode observations = item.path("attributes").path("observations");
                assertThat(observations.size()).isEqualTo(11);
                int sum = 0;
                for (int score = 0; score <= 10; score++) {
                    assertThat(observations.get(score).path("score").intValue()).isEqualTo(score);
                    sum += observations.get(score).path("count").intValue();
                }
                assertThat(sum).isEqualTo(responded);
            });
            assertThat(onlyParticipation.propertyNames())
                    .contains("participation")
                    .doesNotContain("observations");
        }
    }

    @Test
    void driversTakeTheSameParametersAndBadValuesAre400() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(10, 0))) {
            SimClient client = loggedIn(sim);

            JsonNode plain = client.get("/engagement/drivers").json().path("data");
            JsonNode full = client.get("/engagement/drivers?interval=all&participation=true&observations=true")
                    .json()
                    .path("data");

            assertThat(plain.size()).isEqualTo(18);
            assertThat(full.size()).isEqualTo(18);
            assertThat(plain.get(0).path("attributes").propertyNames()).doesNotContain("participation", "observations");
            assertThat(full.get(0).path("attributes").propertyNames()).contains("participation", "observations");
            assertThat(client.get("/engagement/drivers?interval=week").status()).isEqualTo(400);
            SimClient.Response bad = client.get(ENGAGEMENT + "?participation=yes");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("errors").get(0).path("detail").stringValue())
                    .contains("participation");
        }
    }

    private static long epoch(int year, int month) {
        return LocalDate.of(year, month, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    private static Map<String, List<JsonNode>> byCategory(SimClient.Response r) {
        assertThat(r.status()).isEqualTo(200);
        Map<String, List<JsonNode>> out = new TreeMap<>();
        r.json()
                .path("data")
                .forEach(item -> out.computeIfAbsent(item.path("id").stringValue(), k -> new ArrayList<>())
                        .add(item));
        return out;
    }

    private static List<Long> times(List<JsonNode> items) {
        return items.stream()
                .map(i -> i.path("attributes").path("scores").path("time").longValue())
                .toList();
    }

    static SimClient loggedIn(PeakonSimulator sim) {
        SimClient client = new SimClient(sim.baseUrl());
        client.login("sim-app-token");
        return client;
    }
}
