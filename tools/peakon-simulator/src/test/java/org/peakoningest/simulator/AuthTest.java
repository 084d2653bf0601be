package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {

    static PeakonSimulator sim;

    @BeforeAll
    static void start() {
        sim = PeakonSimulator.start(SimulatorConfig.defaults(50, 100));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void jsonLoginReturnsABearerTokensResourceWhoseIdIsAJwtThatOpensTheApi() {
        SimClient client = new SimClient(sim.baseUrl());
        SimClient.Response r =
                client.post("/auth/application", "application/json", "{\"token\":\"sim-app-token\",\"persists\":true}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("data").path("type").stringValue()).isEqualTo("bearer_tokens");
        String jwt = r.json().path("data").path("id").stringValue();
        assertThat(jwt.split("\\.")).hasSize(3);
        assertThat(jwt).startsWith("eyJ");
        assertThat(r.json().path("data").path("attributes").path("persists").booleanValue())
                .isTrue();

        client.bearer(jwt);
        assertThat(client.get("/engagement/drivers").status()).isEqualTo(200);
    }

    @Test
    void formEncodedLoginWorksToo() {
        SimClient client = new SimClient(sim.baseUrl());
        SimClient.Response r =
                client.post("/auth/application", "application/x-www-form-urlencoded", "token=sim-app-token");

        assertThat(r.status()).isEqualTo(200);
        client.bearer(r.json().path("data").path("id").stringValue());
        assertThat(client.get("/employees").status()).isEqualTo(200);
    }

    @Test
    void unknownAppTokenIs404WithAnErrorsBody() {
        SimClient.Response r = new SimClient(sim.baseUrl())
                .post("/auth/application", "application/json", "{\"token\":\"not-the-token\"}");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("errors").get(0).path("status").stringValue()).isEqualTo("404");
        assertThat(r.text()).doesNotContain("not-the-token");
    }

    @Test
    void missingOrUnknownBearerIs401OnEveryEndpoint() {
        SimClient anonymous = new SimClient(sim.baseUrl());
        for (String path : new String[] {
            "/answers/export?per_page=10",
            "/employees",
            "/engagement/drivers",
            "/scores/contexts/company_22182/group/engagement"
        }) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
        SimClient forged = new SimClient(sim.baseUrl());
        forged.bearer("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
        SimClient.Response r = forged.get("/employees");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(r.json().path("errors").get(0).path("title").stringValue()).isEqualTo("Unauthorized");
    }

    @Test
    void revokedTokensAnswer401UntilTheClientLogsInAgain() {
        try (PeakonSimulator own = PeakonSimulator.start(SimulatorConfig.defaults(10, 10))) {
            SimClient client = new SimClient(own.baseUrl());
            client.login("sim-app-token");
            assertThat(client.get("/employees").status()).isEqualTo(200);

            own.revokeTokens();
            assertThat(client.get("/employees").status()).isEqualTo(401);

            client.login("sim-app-token");
            assertThat(client.get("/employees").status()).isEqualTo(200);
        }
    }
}
