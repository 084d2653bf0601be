package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * People over time (issue #14): employees who leave and come back ({@code POST /_sim/employees/leave|return}), and a
 * Peakon whose list falls short of its own count ({@code --under-serve-employees}). What {@code /employees} lists,
 * what {@code /employees/count} says, {@code expected()} and {@code stats()} stay consistent with each other.
 */
class DeparturesTest {

    private static PeakonSimulator start(int employees, long answers, String... flags) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--port",
                "0",
                "--request-budget",
                "0",
                "--employees",
                Integer.toString(employees),
                "--answers",
                Long.toString(answers)));
        args.addAll(List.of(flags));
        return PeakonSimulator.start(SimulatorConfig.parse(args.toArray(String[]::new), Map.of()));
    }

    private static SimClient control(PeakonSimulator sim) {
        return new SimClient(sim.baseUrl().replace("/api/v1", "/_sim"));
    }

    private static List<String> ids(List<JsonNode> employees) {
        return employees.stream().map(e -> e.path("id").stringValue()).toList();
    }

    private static long count(SimClient client) {
        return client.get("/employees/count").json().path("count").longValue();
    }

    @Test
    void underServingListsTheLastEmployeesNowhereButCountsThem() {
        try (PeakonSimulator sim = start(50, 0, "--under-serve-employees", "3")) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");

            List<JsonNode> listed = client.chase("/employees?per_page=20");

            assertThat(count(client)).isEqualTo(50);
            assertThat(listed).hasSize(47);
            assertThat(ids(listed)).doesNotContain("50048", "50049", "50050").contains("50001", "50047");
            assertThat(client.get("/employees?per_page=20")
                            .json()
                            .at("/meta/page/total")
                            .intValue())
                    .as("the list's own paging agrees with the list, not with the count")
                    .isEqualTo(47);
            assertThat(sim.expected().count("employees"))
                    .as("what a complete crawl of /employees stores")
                    .isEqualTo(47);
            assertThat(sim.expected().employeesCounted()).isEqualTo(50);
            assertThat(sim.stats().distinct("employees")).isEqualTo(47);
        }
    }

    @Test
    void leaversAreNeitherListedNorCountedTheirAnswersStayAndTheyCanComeBack() {
        try (PeakonSimulator sim = start(20, 600)) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");
            List<String> answeredBy = client.chase("/answers/export?per_page=1000").stream()
                    .map(a -> a.at("/attributes/employeeId").stringValue())
                    .toList();

            SimClient.Response left = control(sim).post("/employees/leave?ids=50002,50005,50007", "text/plain", "");

            assertThat(left.status()).isEqualTo(200);
            assertThat(left.json().path("employeesCounted").longValue()).isEqualTo(17);
            assertThat(left.json().path("departedEmployees"))
                    .extracting(JsonNode::stringValue)
                    .containsExactly("50002", "50005", "50007");
            sim.resetStats();
            assertThat(count(client)).isEqualTo(17);
            List<String> listed = ids(client.chase("/employees?per_page=5"));
            assertThat(listed).hasSize(17).doesNotContain("50002", "50005", "50007");
            assertThat(sim.expected().count("employees")).isEqualTo(17);
            assertThat(sim.stats().distinct("employees")).isEqualTo(17);
            assertThat(answeredBy).as("the data set has answers of a leaver").contains("50002");
            assertThat(client.chase("/answers/export?per_page=1000").stream()
                            .map(a -> a.at("/attributes/employeeId").stringValue())
                            .toList())
                    .as("answers stay in the export")
                    .isEqualTo(answeredBy);

            SimClient.Response back = control(sim).post("/employees/return?ids=50005", "text/plain", "");

            assertThat(back.status()).isEqualTo(200);
            assertThat(back.json().path("departedEmployees"))
                    .extracting(JsonNode::stringValue)
                    .containsExactly("50002", "50007");
            assertThat(count(client)).isEqualTo(18);
            assertThat(ids(client.chase("/employees"))).hasSize(18).contains("50005");
            assertThat(sim.expected().count("employees")).isEqualTo(18);
        }
    }

    @Test
    void departuresAndUnderServingAddUp() {
        try (PeakonSimulator sim = start(20, 0, "--under-serve-employees", "3")) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");

            control(sim).post("/employees/leave?ids=50001,50020", "text/plain", "");

            assertThat(count(client)).isEqualTo(18);
            List<String> listed = ids(client.chase("/employees"));
            assertThat(listed).hasSize(15).doesNotContain("50001", "50020", "50017", "50018", "50019");
            assertThat(sim.expected().count("employees")).isEqualTo(15);
            assertThat(sim.expected().employeesCounted()).isEqualTo(18);
        }
    }

    @Test
    void leavingAndReturningAreIdempotentAndNameWhatIsWrong() {
        try (PeakonSimulator sim = start(10, 0)) {
            SimClient control = control(sim);

            assertThat(control.post("/employees/leave?ids=50003", "text/plain", "")
                            .status())
                    .isEqualTo(200);
            assertThat(control.post("/employees/leave?ids=50003", "text/plain", "")
                            .json()
                            .path("employeesCounted")
                            .longValue())
                    .isEqualTo(9);
            assertThat(control.post("/employees/return?ids=50004", "text/plain", "")
                            .json()
                            .path("employeesCounted")
                            .longValue())
                    .as("someone who never left")
                    .isEqualTo(9);

            SimClient.Response unknown = control.post("/employees/leave?ids=50003,42,abc", "text/plain", "");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.text()).contains("42", "abc");
            assertThat(control.post("/employees/leave", "text/plain", "").status())
                    .isEqualTo(400);
            assertThat(control.get("/employees/leave?ids=50003").status()).isEqualTo(404);
            assertThat(sim.expected().departedEmployees())
                    .as("a refused request changes nothing")
                    .containsExactly("50003");
        }
    }

    @Test
    void underServingIsASettingOfAtMostTheCompanysSize() {
        assertThat(SimulatorConfig.parse(new String[0], Map.of()).underServeEmployees())
                .isZero();
        assertThat(SimulatorConfig.parse(new String[0], Map.of("SIM_UNDER_SERVE_EMPLOYEES", "5"))
                        .underServeEmployees())
                .isEqualTo(5);
        assertThatThrownBy(() -> SimulatorConfig.parse(
                        new String[] {"--employees", "10", "--under-serve-employees", "11"}, Map.of()))
                .hasMessageContaining("under-serve-employees");
        assertThatThrownBy(() -> SimulatorConfig.parse(new String[] {"--under-serve-employees", "-1"}, Map.of()))
                .hasMessageContaining("under-serve-employees");
    }
}
