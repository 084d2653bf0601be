package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnswersExportTest {

    private static final List<String> ATTRIBUTES = List.of(
            "answerId",
            "answerScore",
            "answerComment",
            "answerText",
            "answerSkipReason",
            "answerLocale",
            "questionId",
            "questionText",
            "questionType",
            "categoryId",
            "categoryGroup",
            "categoryStandard",
            "companyId",
            "employeeId",
            "employeeExternalId",
            "accountEmail",
            "responseId",
            "responseAnsweredAt",
            "roundId",
            "roundOpensAt",
            "roundEnd",
            "roundType",
            "scheduleId",
            "scheduleContextName");

    @Test
    void chasingLinksNextServesEveryAnswerExactlyOnceAndEndsWithoutNext() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(300, 25_000))) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");

            List<JsonNode> items = client.chase("/answers/export?per_page=4000");

            Set<Long> ids = items.stream()
                    .map(i -> i.path("attributes").path("answerId").longValue())
                    .collect(Collectors.toSet());
            assertThat(items).hasSize(25_000);
            assertThat(ids).hasSize(25_000);
            assertThat(sim.stats().requests("GET /answers/export")).isEqualTo(7);
            assertThat(sim.stats().distinct("answers_export"))
                    .isEqualTo(25_000)
                    .isEqualTo(sim.expected().count("answers_export"));
            // ids ascend across pages, which is what makes "continuation = last id" a resumable cursor
            for (int i = 1; i < items.size(); i++) {
                assertThat(items.get(i).path("attributes").path("answerId").longValue())
                        .isGreaterThan(items.get(i - 1)
                                .path("attributes")
                                .path("answerId")
                                .longValue());
            }
        }
    }

    @Test
    void parallelClientsEachGetTheWholeExportAndStatsCountDistinctAnswersOnce() throws Exception {
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(100, 40_000))) {
            List<java.util.concurrent.Future<Integer>> sizes = new java.util.ArrayList<>();
            for (int c = 0; c < 4; c++) {
                sizes.add(clients.submit(() -> {
                    SimClient client = new SimClient(sim.baseUrl());
                    client.login("sim-app-token");
                    return client.chase("/answers/export?per_page=7000").size();
                }));
            }
            for (java.util.concurrent.Future<Integer> size : sizes) {
                assertThat(size.get()).isEqualTo(40_000);
            }
            assertThat(sim.stats().distinct("answers_export")).isEqualTo(40_000);
            assertThat(sim.stats().itemsServed().get("answers_export")).isEqualTo(160_000);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void lastPageHasNullNextAndNextCarriesContinuationOfTheLastAnswerId() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(20, 10))) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");

            JsonNode first = client.get("/answers/export?per_page=6").json();
            String next = first.path("links").path("next").stringValue();
            String lastId = first.path("data").get(5).path("id").stringValue();
            assertThat(next).startsWith(sim.baseUrl() + "/answers/export?").contains("continuation=" + lastId);

            JsonNode last = client.get(next).json();
            assertThat(last.path("data")).hasSize(4);
            assertThat(last.path("links").path("next").isNull()).isTrue();
        }
    }

    @Test
    void aContinuationOnTheFirstRequestResumesAfterThatAnswerIdAndPicksUpNewAnswers() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(100, 10_000))) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");
            long cursor = sim.answerIdAt(5_999);

            List<JsonNode> rest = client.chase("/answers/export?per_page=1500&continuation=" + cursor);

            assertThat(rest).hasSize(4_000);
            assertThat(rest)
                    .allSatisfy(a -> assertThat(
                                    a.path("attributes").path("answerId").longValue())
                            .isGreaterThan(cursor));
            long newestSeen = rest.get(rest.size() - 1)
                    .path("attributes")
                    .path("answerId")
                    .longValue();

            // an incremental run next week: 700 new answers, resumed from the newest id of the last run
            sim.setAnswerCount(10_700);
            List<JsonNode> fresh = client.chase("/answers/export?per_page=1500&continuation=" + newestSeen);

            assertThat(fresh).hasSize(700);
            assertThat(fresh.get(0).path("attributes").path("answerId").longValue())
                    .isEqualTo(sim.answerIdAt(10_000));
            assertThat(sim.expected().count("answers_export")).isEqualTo(10_700);
        }
    }

    @Test
    void perPageIsRequiredAndBoundedTo20000() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(20, 30_000))) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");

            assertThat(client.get("/answers/export").status()).isEqualTo(400);
            assertThat(client.get("/answers/export?per_page=abc").status()).isEqualTo(400);
            assertThat(client.get("/answers/export?per_page=0").status()).isEqualTo(422);
            SimClient.Response tooMany = client.get("/answers/export?per_page=20001");
            assertThat(tooMany.status()).isEqualTo(422);
            assertThat(tooMany.json().path("errors").get(0).path("detail").stringValue())
                    .contains("20000");
            assertThat(client.get("/answers/export?per_page=5&continuation=xyz").status())
                    .isEqualTo(400);
            assertThat(client.get("/answers/export?per_page=20000").json().path("data"))
                    .hasSize(20_000);
        }
    }

    @Test
    void answersCarryEveryDocumentedAttributeWithRealisticVariety() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(200, 5_000))) {
            SimClient client = new SimClient(sim.baseUrl());
            client.login("sim-app-token");
            List<JsonNode> answers = client.chase("/answers/export?per_page=5000");
            Set<String> employeeIds = new HashSet<>();
            client.chase("/employees?per_page=1000")
                    .forEach(e -> employeeIds.add(e.path("id").stringValue()));

            assertThat(answers).allSatisfy(a -> {
                assertThat(a.path("type").stringValue()).isEqualTo("answers_export");
                assertThat(a.path("id").stringValue())
                        .isEqualTo(a.path("attributes").path("answerId").asString());
                assertThat(a.path("attributes").path("answerId").isInt()).isTrue();
                assertThat(a.path("attributes").propertyNames()).containsAll(ATTRIBUTES);
                assertThat(employeeIds)
                        .contains(a.path("attributes").path("employeeId").stringValue());
                assertThat(a.path("attributes").path("companyId").longValue()).isEqualTo(22182);
            });
            assertThat(distinct(answers, "questionType")).containsExactlyInAnyOrder("scale", "text", "value");
            Set<String> commentLocales = answers.stream()
                    .filter(a -> a.path("attributes").path("answerComment").isString())
                    .map(a -> a.path("attributes").path("answerLocale").stringValue())
                    .collect(Collectors.toSet());
            assertThat(commentLocales).contains("en", "de", "fr", "es", "da");
            long commented = answers.stream()
                    .filter(a -> a.path("attributes").path("answerComment").isString())
                    .count();
            assertThat(commented).isBetween(300L, 1_500L);
            assertThat(distinct(answers, "answerSkipReason")).isNotEmpty();
        }
    }

    private static Set<String> distinct(List<JsonNode> answers, String attribute) {
        return answers.stream()
                .map(a -> a.path("attributes").path(attribute))
                .filter(JsonNode::isString)
                .map(JsonNode::stringValue)
                .collect(Collectors.toSet());
    }
}
