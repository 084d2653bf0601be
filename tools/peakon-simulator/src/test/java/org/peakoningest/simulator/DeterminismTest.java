package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final List<String> PATHS = List.of(
            "/answers/export?per_page=3000",
            "/answers/export?per_page=500&continuation=10004000",
            "/employees?per_page=250&page=2",
            "/engagement/drivers",
            "/scores/contexts/company_22182/group/engagement",
            "/scores/contexts/company_22182/group/autonomy",
            "/scores/contexts/company_22182/group/engagement?interval=all&participation=true&observations=true",
            "/engagement/drivers?interval=all&participation=true&observations=true",
            "/segments?per_page=30&page=2",
            "/scores/contexts/segment_105/group/engagement?interval=all&participation=true");

    @Test
    void theSameSeedGivesByteIdenticalResponsesAndAnotherSeedDoesNot() {
        try (PeakonSimulator a = start(42);
                PeakonSimulator b = start(42);
                PeakonSimulator c = start(43)) {
            for (String path : PATHS) {
                String fromA = body(a, path);
                assertThat(body(b, path)).as(path).isEqualTo(fromA);
                assertThat(body(c, path)).as(path).isNotEqualTo(fromA);
            }
        }
    }

    private static PeakonSimulator start(long seed) {
        return PeakonSimulator.start(SimulatorConfig.parse(
                new String[] {"--port", "0", "--employees", "600", "--answers", "6000", "--seed", Long.toString(seed)},
                Map.of()));
    }

    /** The body with the instance's own base URL (its random port) replaced, so bodies can be compared. */
    private static String body(PeakonSimulator sim, String path) {
        SimClient client = new SimClient(sim.baseUrl());
        client.login("sim-app-token");
        SimClient.Response r = client.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.text().replace(sim.baseUrl(), "{base}");
    }
}
