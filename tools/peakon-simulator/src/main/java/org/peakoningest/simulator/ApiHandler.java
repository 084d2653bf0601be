package org.peakoningest.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/** The simulated Peakon API under {@code /api/v1}, plus the {@code /_sim/*} control endpoints. */
final class ApiHandler implements HttpHandler {

    static final String PREFIX = "/api/v1";
    private static final int MAX_ANSWERS_PER_PAGE = 20_000;

    private final PeakonSimulator sim;
    private final SimulatorConfig config;
    private final ControlEndpoints control;
    private final AuthEndpoint auth;
    private final Responder respond;
    private final ScoreEndpoints scores;
    private final SegmentsEndpoint segments;
    private final EmployeesEndpoint employees;

    ApiHandler(PeakonSimulator sim) {
        this.sim = sim;
        this.config = sim.config();
        this.control = new ControlEndpoints(sim);
        this.auth = new AuthEndpoint(sim);
        this.respond = new Responder(sim);
        this.scores = new ScoreEndpoints(sim, respond);
        this.segments = new SegmentsEndpoint(sim, respond);
        this.employees = new EmployeesEndpoint(sim, respond);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/_sim/")) {
                control.handle(exchange, path.substring("/_sim/".length()));
            } else {
                api(exchange, path);
            }
        } catch (IOException | JacksonException clientGone) {
            // the client closed the connection mid-response: nothing left to answer
        } catch (RuntimeException bug) {
            try {
                sim.traffic().status(500);
                Http.error(exchange, 500, "simulator failure: " + bug);
            } catch (IOException | RuntimeException ignored) {
                // the response was already under way
            }
        } finally {
            exchange.close();
        }
    }

    private void api(HttpExchange exchange, String path) throws IOException {
        if (!path.startsWith(PREFIX + "/")) {
            error(exchange, 404, "No route for " + path);
            return;
        }
        String route = path.substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        String[] parts = route.split("/");
        String endpoint = method + " " + endpointName(route, parts);
        Traffic.Verdict verdict = sim.traffic().admit(endpoint);
        if (config.latencyMs() > 0) {
            try {
                Thread.sleep(config.latencyMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (verdict instanceof Traffic.Verdict.OverBudget over) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(over.retryAfterSeconds()));
            error(
                    exchange,
                    429,
                    "Rate limit exceeded: more than " + config.requestBudget() + " requests in "
                            + config.budgetWindowMs() + " ms");
            return;
        }
        if (verdict instanceof Traffic.Verdict.ServerError failure) {
            error(exchange, failure.status(), "Simulated server failure");
            return;
        }
        if (verdict instanceof Traffic.Verdict.RateLimited limited) {
            if (limited.withRetryAfter()) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(config.retryAfterSeconds()));
            }
            error(exchange, 429, "Simulated rate limit");
            return;
        }
        Map<String, String> query = Http.query(exchange.getRequestURI().getRawQuery());
        String unknown = config.strictParams()
                ? QueryRules.unknown(endpoint.substring(method.length() + 1), query.keySet())
                : null;
        if (route.equals("/auth/application")) {
            if (!method.equals("POST")) {
                error(exchange, 405, "Use POST");
            } else if (unknown != null) {
                unknownParameter(exchange, endpoint, unknown);
            } else {
                auth.handle(exchange);
            }
            return;
        }
        String rejection = sim.tokens().rejection(exchange.getRequestHeaders().getFirst("Authorization"));
        if (rejection != null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            error(exchange, 401, rejection);
            return;
        }
        if (!method.equals("GET")) {
            error(exchange, 405, "Use GET");
            return;
        }
        if (unknown != null) {
            unknownParameter(exchange, endpoint, unknown);
            return;
        }
        String base = baseUrl(exchange);
        if (route.equals("/answers/export")) {
            answers(exchange, query, base);
        } else if (route.equals("/employees")) {
            employees.page(exchange, query, base);
        } else if (route.equals("/employees/count")) {
            employees.count(exchange);
        } else if (route.equals("/engagement/drivers")) {
            scores.drivers(exchange, query, base);
        } else if (route.equals("/segments")) {
            segments.handle(exchange, query, base);
        } else if (isScores(parts)) {
            scores.scores(exchange, parts[3], Http.decode(parts[5]), query, base);
        } else {
            error(exchange, 404, "No route for " + route);
        }
    }

    /** Strict mode: a parameter the reference does not document for the endpoint. */
    private void unknownParameter(HttpExchange exchange, String endpoint, String name) throws IOException {
        error(
                exchange,
                400,
                "Unknown query parameter '" + name + "' for " + endpoint
                        + " (strict mode: only the parameters the API reference documents)");
    }

    private void answers(HttpExchange exchange, Map<String, String> query, String base) throws IOException {
        String perPageText = query.get("per_page");
        if (perPageText == null || perPageText.isBlank()) {
            error(exchange, 400, "per_page is required");
            return;
        }
        int perPage;
        long continuation = -1;
        try {
            perPage = Integer.parseInt(perPageText.trim());
        } catch (NumberFormatException e) {
            error(exchange, 400, "per_page must be an integer");
            return;
        }
        if (perPage < 1 || perPage > MAX_ANSWERS_PER_PAGE) {
            error(exchange, 422, "per_page must be between 1 and " + MAX_ANSWERS_PER_PAGE);
            return;
        }
        String cont = query.get("continuation");
        if (cont != null && !cont.isBlank()) {
            try {
                continuation = Long.parseLong(cont.trim());
            } catch (NumberFormatException e) {
                error(exchange, 400, "Invalid continuation");
                return;
            }
        }
        Answers answers = sim.answers();
        long total = sim.answerCount();
        long from = Math.min(total, continuation < 0 ? 0 : answers.firstIndexAfter(continuation));
        long to = Math.min(total, from + perPage);
        String first = base + "/answers/export?per_page=" + perPage;
        String self = continuation < 0 ? first : first + "&continuation=" + continuation;
        String next = to < total ? first + "&continuation=" + answers.answerId(to - 1) : null;
        stream(
                exchange,
                g -> {
                    g.writeStartObject();
                    g.writeName("data");
                    g.writeStartArray();
                    for (long i = from; i < to; i++) {
                        answers.write(g, i);
                    }
                    g.writeEndArray();
                    g.writeName("links");
                    g.writeStartObject();
                    g.writeStringProperty("self", self);
                    g.writeStringProperty("first", first);
                    g.writeStringProperty("next", next);
                    g.writeEndObject();
                    g.writeEndObject();
                },
                () -> sim.traffic().answersServed(from, to));
    }

    private void stream(HttpExchange exchange, Consumer<JsonGenerator> body, Runnable served) throws IOException {
        respond.stream(exchange, body, served);
    }

    private void error(HttpExchange exchange, int status, String detail) throws IOException {
        respond.error(exchange, status, detail);
    }

    /** The absolute API base for links: the configured public URL, else the Host the client used. */
    private String baseUrl(HttpExchange exchange) {
        if (!config.publicUrl().isEmpty()) {
            return config.publicUrl();
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null ? sim.baseUrl() : "http://" + host + PREFIX;
    }

    private static boolean isScores(String[] parts) {
        return parts.length == 6
                && parts[1].equals("scores")
                && parts[2].equals("contexts")
                && parts[4].equals("group");
    }

    /** The endpoint a request counts for in the stats; segment contexts are counted apart from the company's. */
    private static String endpointName(String route, String[] parts) {
        if (isScores(parts)) {
            return parts[3].startsWith("segment_")
                    ? "/scores/contexts/segment_{id}/group/{group}"
                    : "/scores/contexts/{context}/group/{group}";
        }
        return switch (route) {
            case "/auth/application",
                    "/answers/export",
                    "/employees",
                    "/employees/count",
                    "/engagement/drivers",
                    "/segments" -> route;
            default -> "(other)";
        };
    }
}
