package org.peakoningest.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/** {@code GET /employees} (page/meta paging) and {@code GET /employees/count}, both of the {@link Roster}. */
final class EmployeesEndpoint {

    private static final int DEFAULT_EMPLOYEES_PER_PAGE = 100;
    private static final int MAX_EMPLOYEES_PER_PAGE = 1_000;

    private final PeakonSimulator sim;
    private final Responder respond;

    EmployeesEndpoint(PeakonSimulator sim, Responder respond) {
        this.sim = sim;
        this.respond = respond;
    }

    /**
     * {@code {"count": N}}: the employees who have not left, what a complete employees crawl must reach (unless the
     * simulator is told to under-serve). The filters are accepted, not applied.
     */
    void count(HttpExchange exchange) throws IOException {
        sim.traffic().status(200);
        int counted = sim.roster().counted();
        Http.json(exchange, 200, g -> {
            g.writeStartObject();
            g.writeNumberProperty("count", counted);
            g.writeEndObject();
        });
    }

    void page(HttpExchange exchange, Map<String, String> query, String base) throws IOException {
        int page;
        int perPage;
        try {
            page = Integer.parseInt(query.getOrDefault("page", "1").trim());
            perPage = Integer.parseInt(query.getOrDefault("per_page", "" + DEFAULT_EMPLOYEES_PER_PAGE)
                    .trim());
        } catch (NumberFormatException e) {
            respond.error(exchange, 400, "page and per_page must be integers");
            return;
        }
        if (page < 1 || perPage < 1) {
            respond.error(exchange, 422, "page and per_page must be >= 1");
            return;
        }
        // like most paged APIs, a page size above the maximum is clamped (meta.page.size says what was used)
        perPage = Math.min(perPage, MAX_EMPLOYEES_PER_PAGE);
        // one roster for the whole response: a departure meanwhile changes the next request, not this one
        int[] listed = sim.roster().listed();
        int total = listed.length;
        int size = perPage;
        int pages = (total + size - 1) / size;
        int from = (int) Math.min(total, (long) (page - 1) * size);
        int to = Math.min(total, from + size);
        String url = base + "/employees?per_page=" + size + "&page=";
        respond.stream(
                exchange,
                g -> {
                    g.writeStartObject();
                    g.writeName("data");
                    g.writeStartArray();
                    for (int i = from; i < to; i++) {
                        sim.employees().write(g, listed[i]);
                    }
                    g.writeEndArray();
                    g.writeName("links");
                    g.writeStartObject();
                    g.writeStringProperty("self", url + page);
                    g.writeStringProperty("first", url + 1);
                    g.writeStringProperty("last", url + Math.max(1, pages));
                    if (page > 1) {
                        g.writeStringProperty("prev", url + (page - 1));
                    }
                    if (page < pages) {
                        g.writeStringProperty("next", url + (page + 1));
                    }
                    g.writeEndObject();
                    g.writeName("meta");
                    g.writeStartObject();
                    g.writeName("page");
                    g.writeStartObject();
                    g.writeNumberProperty("number", page);
                    g.writeNumberProperty("size", size);
                    g.writeNumberProperty("total", total);
                    g.writeNumberProperty("pages", pages);
                    g.writeEndObject();
                    g.writeEndObject();
                    g.writeEndObject();
                },
                () -> sim.traffic().employeesServed(listed, from, to));
    }
}
