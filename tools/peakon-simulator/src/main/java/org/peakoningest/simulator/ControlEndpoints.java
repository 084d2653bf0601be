package org.peakoningest.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/**
 * {@code /_sim/*}: no authentication, not counted as API traffic. {@code GET stats}, {@code GET expected},
 * {@code GET health}, {@code POST revoke-tokens}, {@code POST answers?total=N} (grow or shrink the export, for
 * incremental-run tests), {@code POST employees/leave?ids=…} and {@code POST employees/return?ids=…} (departures,
 * for tests of people over time), {@code POST reset-stats}.
 */
final class ControlEndpoints {

    private final PeakonSimulator sim;

    ControlEndpoints(PeakonSimulator sim) {
        this.sim = sim;
    }

    void handle(HttpExchange exchange, String what) throws IOException {
        String method = exchange.getRequestMethod();
        switch (method + " " + what) {
            case "GET stats" -> Http.json(exchange, 200, g -> writeStats(g, sim.stats()));
            case "GET expected" -> Http.json(exchange, 200, g -> writeExpected(g, sim.expected()));
            case "GET health" ->
                Http.json(exchange, 200, g -> {
                    g.writeStartObject();
                    g.writeStringProperty("status", "UP");
                    g.writeEndObject();
                });
            case "POST revoke-tokens" -> {
                sim.revokeTokens();
                exchange.sendResponseHeaders(204, -1);
            }
            case "POST reset-stats" -> {
                sim.resetStats();
                exchange.sendResponseHeaders(204, -1);
            }
            case "POST answers" -> {
                String total =
                        Http.query(exchange.getRequestURI().getRawQuery()).get("total");
                try {
                    sim.setAnswerCount(Long.parseLong(String.valueOf(total)));
                } catch (IllegalArgumentException e) {
                    Http.error(exchange, 400, "POST /_sim/answers?total=N with 0 <= N <= 50000000");
                    return;
                }
                Http.json(exchange, 200, g -> writeExpected(g, sim.expected()));
            }
            case "POST employees/leave" -> employees(exchange, what, sim::employeesLeave);
            case "POST employees/return" -> employees(exchange, what, sim::employeesReturn);
            default -> Http.error(exchange, 404, "No simulator route " + method + " /_sim/" + what);
        }
    }

    /** {@code POST employees/leave|return?ids=50001,50002}: applied to every id, or to none when one is unknown. */
    private void employees(HttpExchange exchange, String what, Consumer<List<String>> change) throws IOException {
        String ids = Http.query(exchange.getRequestURI().getRawQuery()).getOrDefault("ids", "");
        List<String> list = Arrays.stream(ids.split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .toList();
        if (list.isEmpty()) {
            Http.error(exchange, 400, "POST /_sim/" + what + "?ids=<employee id>,<employee id>...");
            return;
        }
        try {
            change.accept(list);
        } catch (IllegalArgumentException e) {
            Http.error(exchange, 400, e.getMessage());
            return;
        }
        Http.json(exchange, 200, g -> writeExpected(g, sim.expected()));
    }

    static void writeStats(JsonGenerator g, SimulatorStats s) {
        g.writeStartObject();
        writeMap(g, "requests", s.requests());
        writeMap(g, "statuses", s.statuses());
        g.writeNumberProperty("maxRequestsInWindow", s.maxRequestsInWindow());
        writeMap(g, "distinct", s.distinct());
        writeMap(g, "itemsServed", s.itemsServed());
        writeMap(g, "scoreGroupsServed", s.scoreGroupsServed());
        g.writeEndObject();
    }

    static void writeExpected(JsonGenerator g, SimulatorExpected e) {
        g.writeStartObject();
        writeMap(g, "collections", e.collections());
        writeMap(g, "collectionsWithoutInterval", e.collectionsWithoutInterval());
        writeMap(g, "scoreItemsPerGroup", e.scoreItemsPerGroup());
        writeMap(g, "scorePointsPerInterval", e.scorePointsPerInterval());
        writeList(g, "unprocessableGroups", e.unprocessableGroups());
        writeList(g, "driverIds", e.driverIds());
        g.writeNumberProperty("companyId", e.companyId());
        writeList(g, "segmentContexts", e.segmentContexts());
        writeList(g, "unprocessableSegments", e.unprocessableSegments());
        g.writeNumberProperty("employeesCounted", e.employeesCounted());
        writeList(g, "departedEmployees", e.departedEmployees());
        g.writeEndObject();
    }

    private static void writeList(JsonGenerator g, String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        values.forEach(g::writeString);
        g.writeEndArray();
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, ? extends Number> map) {
        g.writeName(name);
        g.writeStartObject();
        new java.util.TreeMap<>(map).forEach((k, v) -> g.writeNumberProperty(k, v.longValue()));
        g.writeEndObject();
    }
}
