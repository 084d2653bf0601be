package org.peakoningest.browse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.browse.ApiClient.params;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peakoningest.browse.ApiClient;
import org.peakoningest.browse.BrowseApiFixture;
import org.peakoningest.browse.SeedData;
import org.peakoningest.common.PeakonCollection;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Analysts and viewers: a viewer (Basic user or the viewer token) never gets an individual answer, comment, email
 * or a person's record, gets aggregates, and the UI learns the role from {@code /api/me}; every request leaves one
 * audit line without the data or a person's id.
 */
@TestPropertySource(
        properties = {
            "browse.users=ana:analyst-password,vic:viewer-password:viewer",
            "browse.viewer-token=" + RolesIT.VIEWER_TOKEN
        })
@ExtendWith(OutputCaptureExtension.class)
class RolesIT extends BrowseApiFixture {

    static final String VIEWER_TOKEN = "it-viewer-token-0123456789";
    private static final List<String> ANALYST_ONLY =
            List.of("/api/answers", "/api/answers/export.csv", "/api/employees", "/api/employees/7");

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @BeforeAll
    void seed() {
        SeedData.insert(
                db(),
                PeakonCollection.EMPLOYEES,
                List.of(
                        SeedData.employee(7, "Mia Manager", "Sales", "North", null),
                        SeedData.employee(8, "Rex Report", "Sales", "North", "7")));
        SeedData.insert(
                db(),
                PeakonCollection.ANSWERS_EXPORT,
                List.of(SeedData.answer(
                        1, 8, 9001, "How happy?", "engagement", 3, "my secret remark", "2026-01-10T09:00:00Z")));
    }

    @Test
    void meTellsTheUiWhoIsSignedInAndTheirRole() {
        assertThat(me(basic("ana", "analyst-password"))).isEqualTo("ana analyst 5");
        assertThat(me(basic("vic", "viewer-password"))).isEqualTo("vic viewer 5");
        assertThat(me("Bearer " + ApiClient.TOKEN)).isEqualTo("bearer-token analyst 5");
        assertThat(me("Bearer " + VIEWER_TOKEN)).isEqualTo("bearer-token (viewer) viewer 5");
    }

    private String me(String authorization) {
        HttpResponse<String> response = api.get("/api/me", Map.of(), authorization);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = ApiClient.parse(response.body());
        return me.get("user").asString() + " " + me.get("role").asString() + " "
                + me.get("minN").asInt();
    }

    @Test
    void aViewerGetsA403WithTheErrorBodyWhereAnalystsGetPeople() {
        for (String viewer : List.of(basic("vic", "viewer-password"), "Bearer " + VIEWER_TOKEN)) {
            for (String path : ANALYST_ONLY) {
                HttpResponse<String> response = api.get(path, Map.of(), viewer);
                assertThat(response.statusCode()).as(path).isEqualTo(403);
                JsonNode body = ApiClient.parse(response.body());
                assertThat(body.get("error").asString()).isEqualTo("forbidden");
                assertThat(body.get("message").asString()).contains("analyst");
                assertThat(response.body()).doesNotContain("secret remark", "@example");
            }
        }
        for (String analyst : List.of(basic("ana", "analyst-password"), "Bearer " + ApiClient.TOKEN)) {
            for (String path : ANALYST_ONLY) {
                assertThat(api.get(path, Map.of(), analyst).statusCode())
                        .as(path)
                        .isEqualTo(200);
            }
        }
        assertThat(api.get("/api/answers", Map.of(), basic("ana", "analyst-password"))
                        .body())
                .contains("my secret remark");
    }

    @Test
    void aViewerSeesAggregatesWithoutContactDetails() {
        String viewer = basic("vic", "viewer-password");
        for (String path : List.of(
                "/api/answers/summary", "/api/employees/facets", "/api/orgmap", "/api/runs", "/api/scores/contexts")) {
            HttpResponse<String> response = api.get(path, Map.of(), viewer);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("@example", "secret remark", "E7", "E8");
        }
        JsonNode map = ApiClient.parse(api.get("/api/orgmap", Map.of(), viewer).body());
        assertThat(map.get("nodes")).hasSize(2);
        map.get("nodes").forEach(n -> {
            assertThat(n.get("name").asString()).isNotBlank();
            assertThat(n.get("email").isNull()).isTrue();
        });
        // One respondent: withheld for everyone, with the counts.
        JsonNode summary = ApiClient.parse(api.get("/api/answers/summary", params("department", "Sales"), viewer)
                .body());
        assertThat(summary.get("withheld").asBoolean()).isTrue();
        assertThat(summary.get("answers").isNull()).isTrue();
        assertThat(summary.get("withheldReason").asString()).isEqualTo("fewer than 5 respondents");
        // Answer-level filters are an analyst's.
        for (String param : List.of("q", "employeeId", "scoreMin", "hasComment", "questionId")) {
            assertThat(api.get("/api/answers/summary", params(param, "1"), viewer)
                            .statusCode())
                    .as(param)
                    .isEqualTo(400);
        }
    }

    @Test
    void everyRequestLeavesOneAuditLineWithoutDataOrIds(CapturedOutput output) {
        api.get("/api/employees/7", Map.of(), basic("ana", "analyst-password"));
        api.get("/api/employees/8", Map.of(), basic("vic", "viewer-password"));
        api.get(
                "/api/answers/summary",
                params("department", "Sales", "manager", "7"),
                basic("ana", "analyst-password"));

        List<String> audit =
                output.getOut().lines().filter(l -> l.contains("browse.audit")).toList();
        assertThat(audit)
                .anySatisfy(l -> assertThat(l).contains("user=ana role=analyst GET /api/employees/{id} status=200"));
        assertThat(audit)
                .anySatisfy(l -> assertThat(l).contains("user=vic role=viewer GET /api/employees/{id} status=403"));
        assertThat(audit)
                .anySatisfy(l -> assertThat(l)
                        .contains("GET /api/answers/summary status=200", "department=Sales", "manager=<set>"));
        assertThat(String.join("\n", audit))
                .doesNotContain("/api/employees/7", "/api/employees/8", "manager=7", "Mia", "@example");
    }
}
