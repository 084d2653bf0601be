package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictParamsTest {

    @Test
    void inStrictModeAnUndocumentedParameterIs400NamingIt() {
        try (PeakonSimulator sim = PeakonSimulator.start(strict())) {
            SimClient client = ScoreIntervalsTest.loggedIn(sim);

            SimClient.Response r = client.get("/scores/contexts/company_22182/group/engagement?interval=all&limit=5");

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().path("errors").get(0).path("status").stringValue())
                    .isEqualTo("400");
            assertThat(r.json().path("errors").get(0).path("detail").stringValue())
                    .contains("'limit'", "/scores/contexts/{context}/group/{group}");
            for (String path : List.of(
                    "/engagement/drivers?page=2",
                    "/segments?filter%5Bname%5D=Sales",
                    "/employees/count?per_page=10",
                    "/answers/export?per_page=10&since=2020-01-01",
                    "/scores/contexts/segment_101/group/engagement?interval=all&participation=true&foo=1")) {
                assertThat(client.get(path).status()).as(path).isEqualTo(400);
            }
            assertThat(client.post("/auth/application?token=sim-app-token", "application/json", "{}")
                            .status())
                    .isEqualTo(400);
        }
    }

    @Test
    void inStrictModeTheDocumentedParametersAndTheSimulatorsOwnNextLinksAreAccepted() {
        try (PeakonSimulator sim = PeakonSimulator.start(strict())) {
            SimClient client = ScoreIntervalsTest.loggedIn(sim);

            for (String path : List.of(
                    "/scores/contexts/company_22182/group/engagement?interval=all&participation=true&observations=false",
                    "/scores/contexts/segment_101/group/autonomy?interval=all&participation=true",
                    "/engagement/drivers?interval=all&participation=true&observations=false",
                    "/engagement/drivers?filter%5Bround.type%5D=automatic",
                    "/employees/count?filter%5Bmanager%5D=true",
                    "/segments?filter%5Btype%5D=option&filter%5BattributeId%5D=4")) {
                assertThat(client.get(path).status()).as(path).isEqualTo(200);
            }
            assertThat(client.chase("/answers/export?per_page=40")).hasSize(100);
            assertThat(client.chase("/employees?per_page=7")).hasSize(60);
            assertThat(client.chase("/segments?per_page=5"))
                    .hasSize(sim.segments().all().size());
        }
    }

    @Test
    void withoutStrictModeUnknownParametersAreIgnoredAsBefore() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(20, 10))) {
            SimClient client = ScoreIntervalsTest.loggedIn(sim);

            assertThat(client.get("/scores/contexts/company_22182/group/engagement?limit=5")
                            .status())
                    .isEqualTo(200);
            assertThat(client.get("/employees?continuation=abc").status()).isEqualTo(200);
        }
    }

    @Test
    void strictModeIsAFlagAndAVariable() {
        assertThat(SimulatorConfig.parse(new String[] {"--strict-params"}, Map.of())
                        .strictParams())
                .isTrue();
        assertThat(SimulatorConfig.parse(new String[0], Map.of("SIM_STRICT_PARAMS", "true"))
                        .strictParams())
                .isTrue();
        assertThat(SimulatorConfig.parse(new String[] {"--strict-params=false"}, Map.of("SIM_STRICT_PARAMS", "true"))
                        .strictParams())
                .isFalse();
        assertThat(SimulatorConfig.parse(new String[0], Map.of()).strictParams())
                .isFalse();
    }

    private static SimulatorConfig strict() {
        return SimulatorConfig.parse(
                new String[] {
                    "--port", "0", "--employees", "60", "--answers", "100", "--request-budget", "0", "--strict-params"
                },
                Map.of());
    }
}
