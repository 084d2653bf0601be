package org.peakoningest.fetcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated Peakon on WireMock with a small, complete data set: 4 answer pages (absolute and relative
 * {@code links.next}, links before and after {@code data}), 2 employee pages by page/meta and their count
 * ({@code /employees/count}: 3), 3 drivers (one of them
 * answered 422 as a score group), engagement scores, 6 segments over 2 pages (Department 17, Sub-Department 18 and
 * 21, Location 19, a manager segment 20, and 22 whose attribute 8 is not included) with engagement scores for every
 * segment (2 items each).
 */
public final class PeakonStub {

    public static final String API = "/api/v1";
    public static final String APP_TOKEN = "app-token-SECRET-123";
    public static final String BEARER = "bearer-token-SECRET-456";
    public static final String COMPANY = "22182";
    public static final String EMPLOYEES_COUNT = API + "/employees/count";

    public static final int ANSWERS = 9;
    public static final int EMPLOYEES = 3;
    public static final int DRIVERS = 3;
    public static final int SCORES_CONTEXTS = 2;
    public static final int SCORES_BY_DRIVER = 3;
    public static final int CATALOG = 17;
    public static final int SEGMENTS = 6;
    /** Department 17, Sub-Department 18 and 21, 2 score items each. */
    public static final int SEGMENT_SCORES = 6;

    /** The score items of a segment: the engagement group at two times (interval=all: the whole history). */
    public static final List<Long> SEGMENT_SCORE_TIMES = List.of(1690000000L, 1700000000L);

    private static WireMockServer shared;

    private final Stubbing server;
    private final Supplier<String> baseUrl;

    /**
     * One simulated Peakon for the whole test JVM, started on first use: its URL is in cached Spring contexts, so it
     * must not move. Tests reset it ({@code resetAll()}) before they stub it.
     */
    public static synchronized WireMockServer sharedServer() {
        if (shared == null) {
            shared = new WireMockServer(wireMockConfig().dynamicPort());
            shared.start();
        }
        return shared;
    }

    public PeakonStub(WireMockServer server) {
        this(server, server::baseUrl);
    }

    public PeakonStub(WireMockExtension server) {
        this(server, server::baseUrl);
    }

    private PeakonStub(Stubbing server, Supplier<String> baseUrl) {
        this.server = server;
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl.get() + API;
    }

    /** Every endpoint answering the standard data set. */
    public PeakonStub standard() {
        server.stubFor(post(urlPathEqualTo(API + "/auth/application"))
                .willReturn(json("{\"data\":{\"id\":\"" + BEARER + "\",\"type\":\"bearer_tokens\"}}")));
        // answers: 101..109 over 4 pages
        String answers = API + "/answers/export";
        server.stubFor(answersPage(absent())
                .willReturn(json(page(
                        answerItems(101, 103),
                        "\"links\":{\"next\":\"" + baseUrl.get() + answers + "?per_page=3&continuation=c1\"}",
                        true))));
        server.stubFor(answersPage(equalTo("c1"))
                .willReturn(json(page(
                        answerItems(104, 106),
                        "\"links\":{\"next\":\"" + answers + "?per_page=3&continuation=c2\"}",
                        false))));
        server.stubFor(answersPage(equalTo("c2"))
                .willReturn(json(page(
                        answerItems(107, 108),
                        "\"links\":{\"next\":\"/answers/export?per_page=3&continuation=c3\"}",
                        true))));
        server.stubFor(answersPage(equalTo("c3"))
                .willReturn(json(page(answerItems(109, 109), "\"links\":{\"next\":null}", false))));
        // employees: page/meta paging, no links.next
        server.stubFor(get(urlPathEqualTo(API + "/employees"))
                .withQueryParam("page", absent())
                .willReturn(json(page(employees(7001, 7002), "\"meta\":{\"page\":1,\"pages\":2}", false))));
        server.stubFor(get(urlPathEqualTo(API + "/employees"))
                .withQueryParam("page", equalTo("2"))
                .willReturn(json(page(employees(7003, 7003), "\"meta\":{\"page\":2,\"pages\":2}", true))));
        server.stubFor(get(urlPathEqualTo(EMPLOYEES_COUNT)).willReturn(json("{\"count\":" + EMPLOYEES + "}")));
        server.stubFor(get(urlPathEqualTo(API + "/engagement/drivers"))
                .willReturn(json(page(
                        "[{\"id\":\"engagement\",\"type\":\"engagement_drivers\"},"
                                + "{\"id\":\"autonomy\",\"type\":\"engagement_drivers\"},"
                                + "{\"id\":\"free_opinions\",\"type\":\"engagement_drivers\"}]",
                        "\"links\":{}",
                        false))));
        server.stubFor(get(urlPathEqualTo(scoresPath("engagement")))
                .willReturn(json(page(scores("segment_1", "segment_2"), "\"links\":{\"next\":null}", false))));
        server.stubFor(get(urlPathEqualTo(scoresPath("autonomy")))
                .willReturn(json(page(scores("segment_9"), "\"links\":{}", false))));
        server.stubFor(get(urlPathEqualTo(scoresPath("free_opinions")))
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"status\":422,\"detail\":\"Invalid group free_opinions\"}]}")));
        // segments: 2 pages by links.next, each with the attributes it refers to in `included` (but attribute 8)
        server.stubFor(get(urlPathEqualTo(API + "/segments"))
                .withQueryParam("cursor", absent())
                .willReturn(json("{\"data\":["
                        + segment(17, "Engineering", 3) + "," + segment(18, "Platform", 4) + ","
                        + segment(19, "London", 5) + "," + managerSegment(20, 7001)
                        + "],\"included\":[" + attribute(3, "Department") + "," + attribute(4, "Sub-Department") + ","
                        + attribute(5, "Location") + "],\"links\":{\"next\":\"" + baseUrl.get() + API
                        + "/segments?cursor=s2\"}}")));
        server.stubFor(get(urlPathEqualTo(API + "/segments"))
                .withQueryParam("cursor", equalTo("s2"))
                .willReturn(json("{\"data\":[" + segment(21, "Data", 4) + "," + segment(22, "Mystery", 8)
                        + "],\"included\":[" + attribute(4, "Sub-Department") + "],\"links\":{\"next\":null}}")));
        server.stubFor(get(urlPathMatching(API + "/scores/contexts/segment_[0-9]+/group/engagement"))
                .willReturn(json(page(segmentScores(), "\"links\":{\"next\":null}", false))));
        return this;
    }

    /** A segment of an employee attribute (JSON:API, as the reference's `segments` schema plus its relationship). */
    public static String segment(int id, String name, int attributeId) {
        ObjectNode s = ContractJson.mapper().createObjectNode();
        s.put("type", "segments").put("id", String.valueOf(id));
        s.putObject("attributes")
                .put("name", name)
                .put("type", "option")
                .put("contextId", "segment_" + id)
                .put("direct", false)
                .put("identifier", "seg-" + id);
        s.putObject("relationships")
                .putObject("attribute")
                .putObject("data")
                .put("type", "attributes")
                .put("id", String.valueOf(attributeId));
        return s.toString();
    }

    /** A manager's segment: no attribute relationship, so it never matches PEAKON_SEGMENT_ATTRIBUTES. */
    static String managerSegment(int id, int managerId) {
        ObjectNode s = ContractJson.mapper().createObjectNode();
        s.put("type", "segments").put("id", String.valueOf(id));
        s.putObject("attributes")
                .put("name", "Reports of " + managerId)
                .put("type", "employee")
                .put("contextId", "segment_" + id)
                .put("direct", true);
        s.putObject("relationships")
                .putObject("manager")
                .putObject("data")
                .put("type", "employees")
                .put("id", String.valueOf(managerId));
        return s.toString();
    }

    public static String attribute(int id, String name) {
        return "{\"type\":\"attributes\",\"id\":\"" + id + "\",\"attributes\":{\"name\":\"" + name + "\"}}";
    }

    public static String segmentScoresPath(int segmentId) {
        return API + "/scores/contexts/segment_" + segmentId + "/group/engagement";
    }

    static String segmentScores() {
        ArrayNode items = ContractJson.mapper().createArrayNode();
        for (long time : SEGMENT_SCORE_TIMES) {
            ObjectNode s = items.addObject();
            s.put("id", "engagement");
            s.put("type", "category_scores");
            ObjectNode attributes = s.putObject("attributes");
            attributes.putObject("scores").put("mean", 7.1).put("time", time);
            attributes.putObject("participation").put("responded", 8).put("total", 10);
        }
        return items.toString();
    }

    public static String scoresPath(String group) {
        return API + "/scores/contexts/company_" + COMPANY + "/group/" + group;
    }

    public static MappingBuilder answersPage(com.github.tomakehurst.wiremock.matching.StringValuePattern continuation) {
        return get(urlPathEqualTo(API + "/answers/export"))
                .withQueryParam("per_page", equalTo("3"))
                .withQueryParam("continuation", continuation);
    }

    /** Requests for the first answers page (no continuation). */
    public static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder answersPageRequested() {
        return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(API + "/answers/export"))
                .withQueryParam("continuation", absent());
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** A JSON:API document; {@code trailer} (links/meta) goes after {@code data} when {@code after} is set. */
    public static String page(String data, String trailer, boolean after) {
        return after
                ? "{\"data\":" + data + ",\"included\":[{\"id\":\"x\"}]," + trailer + "}"
                : "{" + trailer + ",\"data\":" + data + "}";
    }

    public static String answerItems(int from, int to) {
        ArrayNode items = ContractJson.mapper().createArrayNode();
        IntStream.rangeClosed(from, to).forEach(id -> items.add(answer(id, "comment " + id)));
        return items.toString();
    }

    public static ObjectNode answer(int answerId, String comment) {
        ObjectNode item = ContractJson.mapper().createObjectNode();
        item.put("id", String.valueOf(90000 + answerId));
        item.put("type", "answers_export");
        ObjectNode attributes = item.putObject("attributes");
        attributes.put("answerId", answerId);
        attributes.put("answerScore", 8);
        attributes.put("answerComment", comment);
        attributes.put("questionType", "scale");
        attributes.put("employeeId", 7001);
        return item;
    }

    static String employees(int from, int to) {
        ArrayNode items = ContractJson.mapper().createArrayNode();
        IntStream.rangeClosed(from, to).forEach(id -> items.add(employee(id, 7001, "R&D")));
        return items.toString();
    }

    /** An employee as {@code GET /employees} lists it: a Department attribute and a Manager relationship. */
    public static ObjectNode employee(int id, int managerId, String department) {
        ObjectNode e = ContractJson.mapper().createObjectNode();
        e.put("id", String.valueOf(id));
        e.put("type", "employees");
        e.putObject("attributes").put("name", "Employee " + id).put("Department", department);
        e.putObject("relationships").putObject("Manager").putObject("data").put("id", String.valueOf(managerId));
        return e;
    }

    static String scores(String... segments) {
        ArrayNode items = ContractJson.mapper().createArrayNode();
        for (String segment : List.of(segments)) {
            ObjectNode s = items.addObject();
            s.put("id", segment);
            s.put("type", "category_scores");
            s.putObject("attributes")
                    .put("grade", "good")
                    .putObject("scores")
                    .put("mean", 7.5)
                    .put("time", 1700000000);
        }
        return items.toString();
    }
}
