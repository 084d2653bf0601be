package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void defaultsMatchTheDocumentedCompanyAndTheRealRateLimit() {
        SimulatorConfig c = SimulatorConfig.parse(new String[0], Map.of());

        assertThat(c.port()).isEqualTo(8089);
        assertThat(c.employees()).isEqualTo(2_000);
        assertThat(c.answers()).isEqualTo(200_000);
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.companyId()).isEqualTo(22182);
        assertThat(c.appToken()).isEqualTo("sim-app-token");
        assertThat(c.requestBudget()).isEqualTo(5_000);
        assertThat(c.budgetWindowMs()).isEqualTo(3_600_000);
        assertThat(c.invalidGroups()).containsExactlyInAnyOrder("free_opinions", "reward_recognition");
        assertThat(c.scorePeriods()).as("two years of monthly score history").isEqualTo(24);
        assertThat(c.strictParams()).isFalse();
        assertThat(c.unprocessableSegments()).isEmpty();
    }

    @Test
    void unprocessableSegmentsAreAListOfIdsOrNames() {
        SimulatorConfig c =
                SimulatorConfig.parse(new String[0], Map.of("SIM_UNPROCESSABLE_SEGMENTS", " Sales , 104,,"));

        assertThat(c.unprocessableSegments()).containsExactlyInAnyOrder("Sales", "104");
    }

    @Test
    void envVarsApplyAndFlagsWinOverThem() {
        SimulatorConfig c = SimulatorConfig.parse(
                new String[] {"--seed", "7", "--error-rate=0.1"},
                Map.of("SIM_SEED", "3", "SIM_ANSWERS", "1000", "SIM_INVALID_GROUPS", "growth, autonomy"));

        assertThat(c.seed()).isEqualTo(7);
        assertThat(c.answers()).isEqualTo(1_000);
        assertThat(c.errorRate()).isEqualTo(0.1);
        assertThat(c.invalidGroups()).containsExactlyInAnyOrder("growth", "autonomy");
    }

    @Test
    void blankVariablesAreUnsetAndNumbersMayHaveUnderscores() {
        SimulatorConfig c = SimulatorConfig.parse(
                new String[] {"--answers", "1_000_000"},
                Map.of("SIM_PORT", " ", "SIM_SEED", " 7 ", "SIM_PUBLIC_URL", "http://sim:8089/api/v1/"));

        assertThat(c.port()).isEqualTo(8089);
        assertThat(c.seed()).isEqualTo(7);
        assertThat(c.answers()).isEqualTo(1_000_000);
        assertThat(c.publicUrl()).isEqualTo("http://sim:8089/api/v1");
    }

    @Test
    void helpListsEveryFlagWithItsDefaultAndTheVariables() {
        String help = Main.commandLine(Map.of("SIM_ANSWERS", "1234")).getUsageMessage();

        assertThat(help)
                .contains(
                        "--port=<port>",
                        "Default: 8089",
                        "--rate-limit-no-retry-after-rate",
                        "SIM_<FLAG>",
                        "SIM_COMPANY_ID",
                        "--public-url",
                        "--strict-params",
                        "--unprocessable-segments");
        assertThat(help).as("a variable set now is the default shown").contains("Default: 1234");
    }

    @Test
    void badSettingsFailWithOneLineNamingTheSetting() {
        assertThatThrownBy(() -> SimulatorConfig.parse(new String[] {"--employes", "5"}, Map.of()))
                .hasMessageContaining("Unknown option")
                .hasMessageContaining("'--employes'");
        assertThatThrownBy(() -> SimulatorConfig.parse(new String[0], Map.of("SIM_PORT", "eighty")))
                .hasMessageContaining("SIM_PORT");
        assertThatThrownBy(() -> SimulatorConfig.parse(new String[] {"--error-rate", "1.5"}, Map.of()))
                .hasMessageContaining("error-rate");
        assertThatThrownBy(() -> SimulatorConfig.parse(new String[] {"--port"}, Map.of()))
                .hasMessageContaining("Missing required parameter for option '--port'");
    }
}
