package org.peakoningest.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /engagement/drivers} and {@code GET /scores/contexts/{context}/group/{group}}, in the company context
 * and in every segment context; {@code interval}, {@code participation} and {@code observations} as
 * {@link ScoreQuery} reads them.
 */
final class ScoreEndpoints {

    private final PeakonSimulator sim;
    private final Responder respond;
    private final ScoreContext company;
    private final Set<String> unprocessableSegments;

    ScoreEndpoints(PeakonSimulator sim, Responder respond) {
        this.sim = sim;
        this.respond = respond;
        this.company = new ScoreContext(
                "company_" + sim.config().companyId(), 0, sim.employees().size());
        this.unprocessableSegments =
                Set.copyOf(sim.segments().matching(sim.config().unprocessableSegments()).stream()
                        .map(Segments.Segment::contextId)
                        .toList());
    }

    void drivers(HttpExchange exchange, Map<String, String> query, String base) throws IOException {
        ScoreQuery q = parse(exchange, query);
        if (q == null) {
            return;
        }
        respond.stream(
                exchange,
                g -> {
                    g.writeStartObject();
                    g.writeName("data");
                    g.writeStartArray();
                    sim.scores().writeDrivers(g, q, company.population());
                    g.writeEndArray();
                    Responder.writeSelfLink(g, base + "/engagement/drivers");
                    g.writeEndObject();
                },
                () -> sim.traffic().driversServed(Scores.DRIVERS.size()));
    }

    void scores(HttpExchange exchange, String contextId, String group, Map<String, String> query, String base)
            throws IOException {
        ScoreContext context = context(contextId);
        if (context == null) {
            respond.error(exchange, 404, "Context " + contextId + " not found");
            return;
        }
        Scores scores = sim.scores();
        if (!scores.isValidGroup(group)) {
            respond.error(exchange, 422, "'" + group + "' is not a valid category group");
            return;
        }
        if (unprocessableSegments.contains(contextId)) {
            // the real API's anonymity threshold: too few respondents in the segment to show its scores
            respond.error(exchange, 422, "Context " + contextId + " has too few respondents to show scores");
            return;
        }
        ScoreQuery q = parse(exchange, query);
        if (q == null) {
            return;
        }
        String self = base + "/scores/contexts/" + contextId + "/group/" + Http.encode(group);
        respond.stream(
                exchange,
                g -> {
                    g.writeStartObject();
                    g.writeName("data");
                    g.writeStartArray();
                    scores.writeGroup(g, context, group, q);
                    g.writeEndArray();
                    Responder.writeSelfLink(g, self);
                    g.writeEndObject();
                },
                () -> sim.traffic()
                        .scoresServed(
                                contextId,
                                group,
                                scores.itemCount(group, ScoreQuery.Interval.ALL) / scores.periods(),
                                q.interval().firstPeriod(scores.periods())));
    }

    /** The company, a known segment, or null. */
    private ScoreContext context(String contextId) {
        if (contextId.equals(company.id())) {
            return company;
        }
        Segments.Segment segment = sim.segments().byContext(contextId);
        return segment == null
                ? null
                : new ScoreContext(contextId, Rng.mix(segment.id() * 0x9E3779B97F4A7C15L), segment.population());
    }

    private ScoreQuery parse(HttpExchange exchange, Map<String, String> query) throws IOException {
        try {
            return ScoreQuery.of(query);
        } catch (IllegalArgumentException bad) {
            respond.error(exchange, 400, bad.getMessage());
            return null;
        }
    }
}
