package org.peakoningest.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

/**
 * The 18 engagement drivers and the category scores over time, per group. A group is valid when it is one of
 * Peakon's category groups or a driver id not listed in {@code invalidGroups}; any other group is a 422.
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
    private static final LocalDate FIRST_PERIOD = LocalDate.of(2025, 1, 1);

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

    Map<String, Integer> itemsPerGroup() {
        Map<String, Integer> out = new LinkedHashMap<>();
        categoriesByGroup.forEach((g, cats) -> out.put(g, cats.size() * periods));
        return out;
    }

    int itemCount(String group) {
        List<String> cats = categoriesByGroup.get(group);
        return cats == null ? 0 : cats.size() * periods;
    }

    static String time(int period) {
        return FIRST_PERIOD.plusMonths(period) + "T00:00:00.000Z";
    }

    /** The {@code category_scores} items of a valid group: every category at every point in time. */
    void writeGroup(JsonGenerator g, String group) {
        long groupHash = Rng.hashOf(group);
        for (String category : categoriesByGroup.get(group)) {
            for (int p = 0; p < periods; p++) {
                long h = Rng.hash(seed, groupHash ^ Long.parseLong(category) * 131 + p, 23);
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
                g.writeStringProperty("time", time(p));
                g.writeEndObject();
                g.writeName("observations");
                g.writeStartArray();
                for (int o = 0; o < 3; o++) {
                    g.writeStartObject();
                    g.writeNumberProperty("score", o * 5);
                    g.writeNumberProperty("count", Rng.pick(Rng.next(h, 10 + o), 400));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeName("participation");
                g.writeStartObject();
                int participants = 200 + Rng.pick(Rng.next(h, 5), 1800);
                int responses = (int) (participants * (0.5 + 0.45 * Rng.unit(Rng.next(h, 6))));
                g.writeNumberProperty("participants", participants);
                g.writeNumberProperty("responses", responses);
                g.writeNumberProperty("rate", Math.round(1000.0 * responses / participants) / 1000.0);
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
        }
    }

    /** The 18 {@code engagement_drivers} resources. */
    void writeDrivers(JsonGenerator g) {
        int rank = 1;
        for (String driver : DRIVERS.keySet()) {
            long h = Rng.hash(seed, Rng.hashOf(driver), 25);
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
            g.writeNumberProperty("mean", Math.round((5.5 + 3.5 * Rng.unit(Rng.next(h, 2))) * 10) / 10.0);
            g.writeNumberProperty("nps", Rng.pick(Rng.next(h, 3), 121) - 40);
            g.writeEndObject();
            g.writeName("changes");
            g.writeStartObject();
            g.writeNumberProperty("mean", Math.round((Rng.unit(Rng.next(h, 4)) - 0.5) * 20) / 10.0);
            g.writeEndObject();
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
