package org.peakoningest.simulator;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request accounting and fault decisions: the sliding request budget (the real API's 5,000 requests per hour),
 * the seeded fault draws and the counters behind {@code /_sim/stats}. Thread-safe.
 */
final class Traffic {

    /** What to do with an API request before it reaches its endpoint. */
    sealed interface Verdict {
        record Proceed() implements Verdict {}

        record OverBudget(long retryAfterSeconds) implements Verdict {}

        record ServerError(int status) implements Verdict {}

        record RateLimited(boolean withRetryAfter) implements Verdict {}
    }

    private static final int[] SERVER_ERRORS = {500, 502, 503};

    private final SimulatorConfig config;
    private final AtomicLong sequence = new AtomicLong();
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private long maxInWindow;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> items = new ConcurrentHashMap<>();
    private final BitSet answersServed = new BitSet();
    private final BitSet employeesServed = new BitSet();
    private volatile boolean driversServed;
    /** Per {@code context|group}: the points served, bit {@code category * periods + period}. */
    private final Map<String, BitSet> pointsServed = new ConcurrentHashMap<>();

    private final BitSet segmentsServed = new BitSet();

    Traffic(SimulatorConfig config) {
        this.config = config;
    }

    /** Counts one API request and decides whether it is answered by a fault instead of its endpoint. */
    Verdict admit(String endpoint) {
        requests.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
        long now = System.nanoTime();
        long windowNanos = config.budgetWindowMs() * 1_000_000L;
        long inWindow;
        long oldest;
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
                window.pollFirst();
            }
            window.addLast(now);
            inWindow = window.size();
            maxInWindow = Math.max(maxInWindow, inWindow);
            oldest = window.peekFirst();
        }
        if (config.requestBudget() > 0 && inWindow > config.requestBudget()) {
            long waitNanos = Math.max(0, oldest + windowNanos - now);
            return new Verdict.OverBudget(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
        double draw = Rng.unit(Rng.hash(config.seed(), sequence.getAndIncrement(), 77));
        if (draw < config.errorRate()) {
            return new Verdict.ServerError(SERVER_ERRORS[Rng.pick(Rng.mix(Double.doubleToLongBits(draw)), 3)]);
        }
        draw -= config.errorRate();
        if (draw < config.rateLimitRate()) {
            return new Verdict.RateLimited(true);
        }
        draw -= config.rateLimitRate();
        if (draw < config.rateLimitNoRetryAfterRate()) {
            return new Verdict.RateLimited(false);
        }
        return new Verdict.Proceed();
    }

    void status(int status) {
        statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    void answersServed(long fromIndex, long toIndex) {
        synchronized (answersServed) {
            answersServed.set((int) fromIndex, (int) toIndex);
        }
        items.computeIfAbsent("answers_export", k -> new LongAdder()).add(toIndex - fromIndex);
    }

    /** The employees at positions {@code from..to-1} of the {@code listed} indexes were served. */
    void employeesServed(int[] listed, int from, int to) {
        synchronized (employeesServed) {
            for (int i = from; i < to; i++) {
                employeesServed.set(listed[i]);
            }
        }
        items.computeIfAbsent("employees", k -> new LongAdder()).add(to - from);
    }

    void driversServed(int count) {
        driversServed = true;
        items.computeIfAbsent("drivers", k -> new LongAdder()).add(count);
    }

    /** A score response of {@code categories} categories, each from period {@code firstPeriod} to the last. */
    void scoresServed(String context, String group, int categories, int firstPeriod) {
        int periods = config.scorePeriods();
        BitSet points = pointsServed.computeIfAbsent(context + "|" + group, k -> new BitSet());
        synchronized (points) {
            for (int c = 0; c < categories; c++) {
                points.set(c * periods + firstPeriod, (c + 1) * periods);
            }
        }
        String key = context.startsWith("segment_") ? "segment_scores" : "scores:" + group;
        items.computeIfAbsent(key, k -> new LongAdder()).add((long) categories * (periods - firstPeriod));
    }

    void segmentsServed(List<Segments.Segment> served) {
        synchronized (segmentsServed) {
            served.forEach(s -> segmentsServed.set(s.index()));
        }
        items.computeIfAbsent("segments", k -> new LongAdder()).add(served.size());
    }

    /** Distinct points served in {@code context} for {@code group}. */
    private long points(String context, String group) {
        BitSet points = pointsServed.get(context + "|" + group);
        if (points == null) {
            return 0;
        }
        synchronized (points) {
            return points.cardinality();
        }
    }

    /**
     * The stats; {@code segments} counts every segment served (a crawl stores all of {@code GET /segments}),
     * {@code segment_scores} only the points of the {@code crawled} segments (those of
     * {@link Segments#CRAWLED_ATTRIBUTES}) in the {@code engagement} group: what such a crawl stores.
     */
    SimulatorStats snapshot(List<Segments.Segment> crawled) {
        Map<String, Long> req = new TreeMap<>();
        requests.forEach((k, v) -> req.put(k, v.sum()));
        Map<String, Long> st = new TreeMap<>();
        statuses.forEach((k, v) -> st.put(Integer.toString(k), v.sum()));
        Map<String, Long> distinct = new TreeMap<>();
        synchronized (answersServed) {
            distinct.put("answers_export", (long) answersServed.cardinality());
        }
        synchronized (employeesServed) {
            distinct.put("employees", (long) employeesServed.cardinality());
        }
        distinct.put("drivers", driversServed ? (long) Scores.DRIVERS.size() : 0L);
        String company = "company_" + config.companyId();
        distinct.put("scores_contexts", points(company, "engagement"));
        distinct.put(
                "scores_by_driver",
                Scores.DRIVERS.keySet().stream()
                        .mapToLong(d -> points(company, d))
                        .sum());
        synchronized (segmentsServed) {
            // Every segment served: the segments collection is the raw copy of GET /segments.
            distinct.put("segments", (long) segmentsServed.cardinality());
        }
        distinct.put(
                "segment_scores",
                crawled.stream()
                        .mapToLong(s -> points(s.contextId(), "engagement"))
                        .sum());
        Map<String, Integer> groupsServed = new TreeMap<>();
        pointsServed.keySet().stream().filter(k -> k.startsWith(company + "|")).forEach(k -> {
            String group = k.substring(company.length() + 1);
            groupsServed.put(group, (int) points(company, group));
        });
        Map<String, Long> served = new TreeMap<>();
        items.forEach((k, v) -> {
            if (!k.startsWith("scores:")) {
                served.put(k, v.sum());
            }
        });
        long window;
        synchronized (this.window) {
            window = maxInWindow;
        }
        return new SimulatorStats(req, st, window, distinct, served, groupsServed);
    }
}
