package org.peakoningest.simulator;

import tools.jackson.core.JsonGenerator;

/**
 * The optional parts of a score item, written only when the query asks for them (the reference: both default to
 * false, so a client that does not ask does not get them).
 *
 * <ul>
 *   <li>{@code participation=true}: {@code "participation": {"responded": n, "total": m, "rate": n/m}}, {@code total}
 *       the employees of the context, {@code rate} rounded to 3 decimals (0 for an empty context);
 *   <li>{@code observations=true}: {@code "observations": [{"score": 0, "count": c0}, … {"score": 10, "count": c10}]},
 *       how many of the respondents answered each point of the 0–10 scale; the counts add up to {@code responded}
 *       and peak near the item's mean.
 * </ul>
 */
final class ScoreExtras {

    private static final int SCALE = 11;

    private ScoreExtras() {}

    /** Writes what {@code query} asks for; {@code h} is the item's hash, so the values are the item's own. */
    static void write(JsonGenerator g, ScoreQuery query, long h, double mean, int population) {
        if (!query.participation() && !query.observations()) {
            return;
        }
        int responded = (int) (population * (0.5 + 0.45 * Rng.unit(Rng.next(h, 6))));
        if (query.observations()) {
            g.writeName("observations");
            g.writeStartArray();
            int[] counts = spread(h, mean, responded);
            for (int score = 0; score < SCALE; score++) {
                g.writeStartObject();
                g.writeNumberProperty("score", score);
                g.writeNumberProperty("count", counts[score]);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (query.participation()) {
            g.writeName("participation");
            g.writeStartObject();
            g.writeNumberProperty("responded", responded);
            g.writeNumberProperty("total", population);
            g.writeNumberProperty("rate", population == 0 ? 0.0 : Math.round(1000.0 * responded / population) / 1000.0);
            g.writeEndObject();
        }
    }

    /** {@code responded} answers over the scale, weighted towards the mean; the rounding rest goes to the mean. */
    private static int[] spread(long h, double mean, int responded) {
        double[] weights = new double[SCALE];
        double sum = 0;
        for (int score = 0; score < SCALE; score++) {
            weights[score] = (0.2 + Rng.unit(Rng.next(h, 30 + score))) / (1.0 + Math.abs(score - mean));
            sum += weights[score];
        }
        int[] counts = new int[SCALE];
        int given = 0;
        for (int score = 0; score < SCALE; score++) {
            counts[score] = (int) (responded * weights[score] / sum);
            given += counts[score];
        }
        counts[(int) Math.round(mean)] += responded - given;
        return counts;
    }
}
