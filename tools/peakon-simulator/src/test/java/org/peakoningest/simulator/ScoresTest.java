package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScoresTest {

    @Test
    void crawlingDriversAndEveryDriverAsAGroupYieldsExactlyTheExpectedCountsAnd422ForInvalidGroups() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(10, 0))) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");

            List<JsonNode> drivers = client.chase("/engagement/drivers");
            assertThat(drivers)
                    .hasSize(18)
                    .allSatisfy(d -> assertThat(d.path("type").stringValue()).isEqualTo("engagement_drivers"));
            Set<String> keys = new HashSet<>();
            client.chase("/scores/contexts/company_22182/group/engagement?interval=all")
                    .forEach(item -> keys.add(item.path("id").stringValue() + "::"
                            + item.path("attributes")
                                    .path("scores")
                                    .path("time")
                                    .longValue()));
            assertThat((long) keys.size()).isEqualTo(sim.expected().count("scores_contexts"));

            long byDriver = 0;
            for (JsonNode driver : drivers) {
                String id = driver.path("id").stringValue();
                SimClient.Response r = client.get("/scores/contexts/company_22182/group/" + id + "?interval=all");
                if (sim.expected().unprocessableGroups().contains(id)) {
                    assertThat(r.status()).as(id).isEqualTo(422);
                    assertThat(r.json().path("errors").get(0).path("detail").stringValue())
                            .contains(id);
                } else {
                    assertThat(r.status()).as(id).isEqualTo(200);
                    byDriver += r.json().path("data").size();
                }
            }

            assertThat(sim.expected().unprocessableGroups()).containsExactly("free_opinions", "reward_recognition");
            assertThat(byDriver).isEqualTo(sim.expected().count("scores_by_driver"));
            SimulatorStats stats = sim.stats();
            assertThat(stats.distinct("drivers")).isEqualTo(18);
            assertThat(stats.distinct("scores_contexts"))
                    .isEqualTo(sim.expected().count("scores_contexts"));
            assertThat(stats.distinct("scores_by_driver")).isEqualTo(byDriver);
            assertThat(stats.status(422)).isEqualTo(2);
        }
    }

    @Test
    void scoreItemsHaveTheCategoryScoresShapeWithoutParticipationOrObservationsUnlessAskedFor() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(10, 0))) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");

            JsonNode item = client.get("/scores/contexts/company_22182/group/engagement")
                    .json()
                    .path("data")
                    .get(0);
            JsonNode full = client.get(
                            "/scores/contexts/company_22182/group/engagement?participation=true&observations=true")
                    .json()
                    .path("data")
                    .get(0);

            assertThat(item.path("type").stringValue()).isEqualTo("category_scores");
            assertThat(item.path("attributes").propertyNames())
                    .contains("grade", "impact", "source", "scores")
                    .doesNotContain("observations", "participation");
            assertThat(item.path("attributes").path("scores").propertyNames()).contains("mean", "nps", "time");
            assertThat(item.path("attributes").path("scores").path("time").isIntegralNumber())
                    .isTrue();
            assertThat(full.path("attributes").propertyNames()).contains("observations", "participation");
            assertThat(full.path("attributes").path("scores"))
                    .isEqualTo(item.path("attributes").path("scores"));
        }
    }

    @Test
    void theInvalidGroupsAndCompanyAreConfigurableAndAnotherCompanyIs404() {
        SimulatorConfig config = SimulatorConfig.parse(
                new String[] {
                    "--port",
                    "0",
                    "--employees",
                    "5",
                    "--answers",
                    "0",
                    "--invalid-groups",
                    "growth",
                    "--company-id",
                    "777"
                },
                java.util.Map.of());
        try (PeakonSimulator sim = PeakonSimulator.start(config)) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");

            assertThat(client.get("/scores/contexts/company_777/group/growth").status())
                    .isEqualTo(422);
            assertThat(client.get("/scores/contexts/company_777/group/free_opinions")
                            .status())
                    .isEqualTo(200);
            assertThat(client.get("/scores/contexts/company_22182/group/engagement")
                            .status())
                    .isEqualTo(404);
            assertThat(client.get("/scores/contexts/company_777/group/no_such_group")
                            .status())
                    .isEqualTo(422);
        }
    }
}
