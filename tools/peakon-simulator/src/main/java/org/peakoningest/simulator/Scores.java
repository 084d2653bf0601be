package org.peakoningest.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

/**
 * The 18 engagement drivers and the category scores over time, per group and context. A group is valid when it is
 * one of Peakon's category groups or a driver id not listed in {@code invalidGroups}; any other group is a 422. The
 * history is one point per category and month, {@code periods} months ending with {@link ScoreQuery#CURRENT_MONTH}.
 */
final class Scores {

    /** The driver ids of the real API, with the numeric category id each one has in this company. */
    static final Map<String, String> DRIVERS = drivers();
    /** Peakon's category groups (the OpenAPI enum). */
    static final List<String> CATEGORY_GROUPS = List.of(
            "engagement",
            "diversity_inclusion",
            "health_wellbeing",
            "transformation_change",
            "onboarding",
            "exit",
            "covid19",
            "other",
            "environmental_social_governance",
            "ancc_magnet_nursing_excellence",
            "values");

    private static final String[] GRADES = {"excellent", "good", "average", "below_average", "poor"};
    private static final String[] IMPACTS = {"high", "medium", "low"};
    private static final String[] CLASSIFICATIONS = {"strength", "priority", "neutral"};

    private final long seed;
    private final int periods;
    private final Map<String, List<String>> categoriesByGroup = new LinkedHashMap<>();

    Scores(long seed, int periods, Set<String> invalidGroups) {
        this.seed = seed;
        this.periods = periods;
        List<String> groups = new ArrayList<>(CATEGORY_GROUPS);
        DRIVERS.keySet().stream().filter(d -> !groups.contains(d)).forEach(groups::add);
        groups.removeAll(invalidGroups);
        for (int g = 0; g < groups.size(); g++) {
            String group = groups.get(g);
            List<String> categories = new ArrayList<>();
            if (group.equals("engagement")) {
                categories.addAll(DRIVERS.values());
            } else {
                int n = 1 + Rng.pick(Rng.hash(seed, Rng.hashOf(group), 21), 3);
                if (DRIVERS.containsKey(group)) {
                    categories.add(DRIVERS.get(group));
                }
                for (int c = categories.size(); c < n; c++) {
                    categories.add(Integer.toString(1_530_000 + g * 10 + c));
                }
            }
            categoriesByGroup.put(group, List.copyOf(categories));
        }
    }

    boolean isValidGroup(String group) {
        return categoriesByGroup.containsKey(group);
    }

    /** Items per valid group (in any context) under {@code interval}. */
    Map<String, Integer> itemsPerGroup(ScoreQuery.Interval interval) {
        Map<String, Integer> out = new LinkedHashMap<>();
        categoriesByGroup.forEach((g, cats) -> out.put(g, cats.size() * interval.points(periods)));
        return out;
    }

    /** Items of a valid group in any context under {@code interval}: every category at every month served. */
    int itemCount(String group, ScoreQuery.Interval interval) {
        List<String> cats = categoriesByGroup.get(group);
        return cats == null ? 0 : cats.size() * interval.points(periods);
    }

    int periods() {
        return periods;
    }

    /**
     * The {@code category_scores} items of a valid group in {@code context}: every category at every month the
     * interval serves. A point's values depend on (seed, context, group, category, month) only, so the same point
     * is byte-identical under every interval that serves it.
     */
    void writeGroup(JsonGenerator g, ScoreContext context, String group, ScoreQuery query) {
        long groupHash = Rng.hashOf(group) ^ context.salt();
        for (String category : categoriesByGroup.get(group)) {
            for (int p = query.interval().firstPeriod(periods); p < periods; p++) {
                long time = ScoreQuery.time(p, periods);
                long h = Rng.hash(seed, groupHash ^ Long.parseLong(category) * 131 + time / 86_400, 23);
                double mean = Math.round((5.5 + 3.5 * Rng.unit(h)) * 10) / 10.0;
                g.writeStartObject();
                g.writeStringProperty("type", "category_scores");
                g.writeStringProperty("id", category);
                g.writeName("attributes");
                g.writeStartObject();
                g.writeStringProperty("grade", GRADES[Rng.pick(Rng.next(h, 1), GRADES.length)]);
                g.writeStringProperty("impact", IMPACTS[Rng.pick(Rng.next(h, 2), IMPACTS.length)]);
                g.writeStringProperty("source", Rng.unit(Rng.next(h, 3)) < 0.9 ? "automatic" : "benchmark");
                g.writeName("scores");
                g.writeStartObject();
                g.writeNumberProperty("mean", mean);
                g.writeNumberProperty("nps", Rng.pick(Rng.next(h, 4), 121) - 40);
                g.writeNumberProperty("time", time);
                g.writeEndObject();
                ScoreExtras.write(g, query, h, mean, context.population());
                g.writeEndObject();
                g.writeEndObject();
            }
        }
    }

    /**
     * The 18 {@code engagement_drivers} resources of the company ({@code population} employees). The interval is
     * the window the scores are computed over: other windows, other values (the default, quarter, as before).
     */
    void writeDrivers(JsonGenerator g, ScoreQuery query, int population) {
        int rank = 1;
        long window = query.interval() == ScoreQuery.Interval.QUARTER
                ? 0
                : Rng.hashOf(query.interval().value());
        for (String driver : DRIVERS.keySet()) {
            long h = Rng.hash(seed, Rng.hashOf(driver) ^ window, 25);
            double mean = Math.round((5.5 + 3.5 * Rng.unit(Rng.next(h, 2))) * 10) / 10.0;
            g.writeStartObject();
            g.writeStringProperty("type", "engagement_drivers");
            g.writeStringProperty("id", driver);
            g.writeName("attributes");
            g.writeStartObject();
            g.writeStringProperty("driver", driver);
            g.writeNullProperty("subdriver");
            g.writeStringProperty("rank", Integer.toString(rank++));
            g.writeStringProperty("classification", CLASSIFICATIONS[Rng.pick(h, 3)]);
            g.writeStringProperty("impact", IMPACTS[Rng.pick(Rng.next(h, 1), 3)]);
            g.writeName("scores");
            g.writeStartObject();
            g.writeNumberProperty("mean", mean);
            g.writeNumberProperty("nps", Rng.pick(Rng.next(h, 3), 121) - 40);
            g.writeEndObject();
            g.writeName("changes");
            g.writeStartObject();
            g.writeNumberProperty("mean", Math.round((Rng.unit(Rng.next(h, 4)) - 0.5) * 20) / 10.0);
            g.writeEndObject();
            ScoreExtras.write(g, query, h, mean, population);
            g.writeStringProperty("url", "/dashboard/drivers/" + driver);
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static Map<String, String> drivers() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("accomplishment", "1527165");
        d.put("autonomy", "1527153");
        d.put("collaboration", "1527194");
        d.put("communication", "1527195");
        d.put("engagement", "1527152");
        d.put("environment", "1527191");
        d.put("free_opinions", "1527167");
        d.put("goal_setting", "1527173");
        d.put("growth", "1527156");
        d.put("management_support", "1527181");
        d.put("meaningful_work", "1527162");
        d.put("organisational_fit", "1527175");
        d.put("peer_relationship", "1527170");
        d.put("recognition", "1527160");
        d.put("reward", "1527184");
        d.put("reward_recognition", "1527196");
        d.put("strategy", "1527187");
        d.put("workload", "1527190");
        return java.util.Collections.unmodifiableMap(d);
    }
}
