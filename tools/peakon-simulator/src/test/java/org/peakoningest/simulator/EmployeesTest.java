package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EmployeesTest {

    @Test
    void pagingCoversEveryEmployeeOnceWithMetaAndLinksNext() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(2_000, 0))) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");

            JsonNode first = client.get("/employees?per_page=170").json();
            assertThat(first.path("meta").path("page").path("total").intValue()).isEqualTo(2_000);
            assertThat(first.path("meta").path("page").path("pages").intValue()).isEqualTo(12);
            List<JsonNode> all = client.chase("/employees?per_page=170");

            assertThat(all).hasSize(2_000);
            assertThat(all.stream().map(e -> e.path("id").stringValue()).distinct())
                    .hasSize(2_000);
            assertThat(sim.stats().distinct("employees"))
                    .isEqualTo(2_000)
                    .isEqualTo(sim.expected().count("employees"));
            JsonNode attributes = all.get(1234).path("attributes");
            assertThat(attributes.propertyNames())
                    .contains(
                            "identifier",
                            "firstName",
                            "lastName",
                            "name",
                            "email",
                            "avatar",
                            "employmentStart",
                            "external",
                            "Department",
                            "Sub-Department",
                            "Date of Birth");
            // Mostly ISO dates, and a few values HR data holds instead (about 2 % each), never all of one kind.
            long births = all.stream()
                    .map(e -> e.path("attributes").path("Date of Birth").stringValue())
                    .filter(v -> v.matches("(19[6-9][0-9]|200[0-4])-[0-9]{2}-[0-9]{2}"))
                    .filter(EmployeesTest::isDate)
                    .count();
            long starts = all.stream()
                    .map(e -> e.path("attributes").path("employmentStart").stringValue())
                    .filter(EmployeesTest::isDate)
                    .count();
            assertThat(births).isBetween(1_900L, 1_990L);
            assertThat(starts).isBetween(1_900L, 1_990L);
        }
    }

    private static boolean isDate(String value) {
        try {
            java.time.LocalDate.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    @Test
    void theManagerTreeHasOneRootNoCyclesAndSeveralLevels() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(2_000, 0))) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");
            Map<String, String> managerOf = new HashMap<>();
            for (JsonNode e : client.chase("/employees")) {
                JsonNode manager = e.path("relationships").path("Manager").path("data");
                managerOf.put(
                        e.path("id").stringValue(),
                        manager.isNull() ? null : manager.path("id").stringValue());
            }

            assertThat(managerOf.values().stream().filter(m -> m == null)).hasSize(1);
            assertThat(managerOf.values().stream().filter(m -> m != null)).allMatch(managerOf::containsKey);
            int deepest = 0;
            for (String id : managerOf.keySet()) {
                int depth = 0;
                for (String m = managerOf.get(id); m != null; m = managerOf.get(m)) {
                    depth++;
                    assertThat(depth).as("cycle above " + id).isLessThan(managerOf.size());
                }
                deepest = Math.max(deepest, depth);
            }
            assertThat(deepest).isBetween(4, 12);
        }
    }

    @Test
    void pagingParametersAreValidated() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(10, 0))) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");

            assertThat(client.get("/employees?page=x").status()).isEqualTo(400);
            assertThat(client.get("/employees?per_page=0").status()).isEqualTo(422);
            JsonNode clamped = client.get("/employees?per_page=5000").json();
            assertThat(clamped.path("meta").path("page").path("size").intValue())
                    .isEqualTo(1000);
            JsonNode beyond = client.get("/employees?page=5").json();
            assertThat(beyond.path("data")).isEmpty();
            assertThat(beyond.path("links").has("next")).isFalse();
        }
    }
}
