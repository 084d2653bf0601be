package org.peakoningest.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running simulated Peakon: a JDK {@link HttpServer} on a bounded thread pool serving a deterministic synthetic
 * company. Start with {@link #start(SimulatorConfig)}, point a client at {@link #baseUrl()}, read what it served
 * with {@link #stats()} and what a complete crawl must find with {@link #expected()}, then {@link #close()}.
 */
public final class PeakonSimulator implements AutoCloseable {

    static {
        // The JDK server writes headers and a small body separately; with Nagle on, the second write waits for
        // the client's delayed ACK (~40 ms per small response). Read once, when the JDK server first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatorConfig config;
    private final Employees employees;
    private final Roster roster;
    private final Answers answers;
    private final Scores scores;
    private final Segments segments;
    private final BearerTokens tokens;
    private final AtomicLong answerCount;
    private volatile Traffic traffic;
    private final HttpServer server;
    private final ExecutorService pool;

    private PeakonSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.employees = new Employees(config.seed(), config.employees());
        this.roster = new Roster(employees, config.underServeEmployees());
        this.answers = new Answers(config.seed(), config.companyId(), employees);
        this.scores = new Scores(config.seed(), config.scorePeriods(), config.invalidGroups());
        this.segments = new Segments(employees);
        this.tokens = new BearerTokens(config.seed(), config.companyId(), config.tokenTtlSeconds());
        this.answerCount = new AtomicLong(config.answers());
        this.traffic = new Traffic(config);
        AtomicInteger threadNo = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "peakon-sim-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
        server.createContext("/", new ApiHandler(this));
        server.setExecutor(pool);
        server.start();
    }

    /** Binds and starts serving; returns once the port is listening. */
    public static PeakonSimulator start(SimulatorConfig config) {
        try {
            return new PeakonSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT/api/v1} (the loopback address when bound to all interfaces). */
    public String baseUrl() {
        String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
        return "http://" + host + ":" + port() + ApiHandler.PREFIX;
    }

    int port() {
        return server.getAddress().getPort();
    }

    SimulatorConfig config() {
        return config;
    }

    /** What has been served so far (also {@code GET /_sim/stats}). */
    public SimulatorStats stats() {
        return traffic.snapshot(segments.crawled());
    }

    /** What the company has: the counts a complete crawl must end with (also {@code GET /_sim/expected}). */
    public SimulatorExpected expected() {
        List<String> segmentContexts =
                segments.crawled().stream().map(Segments.Segment::contextId).toList();
        List<String> unprocessableSegments = segments.matching(config.unprocessableSegments()).stream()
                .filter(Segments.Segment::crawled)
                .map(Segments.Segment::contextId)
                .toList();
        List<String> unprocessable = Scores.DRIVERS.keySet().stream()
                .filter(d -> !scores.isValidGroup(d))
                .toList();
        Map<String, Integer> points = new LinkedHashMap<>();
        for (ScoreQuery.Interval interval : ScoreQuery.Interval.values()) {
            points.put(interval.value(), interval.points(config.scorePeriods()));
        }
        return new SimulatorExpected(
                collections(ScoreQuery.Interval.ALL, segmentContexts.size() - unprocessableSegments.size()),
                collections(ScoreQuery.DEFAULT.interval(), segmentContexts.size() - unprocessableSegments.size()),
                scores.itemsPerGroup(ScoreQuery.Interval.ALL),
                points,
                unprocessable,
                List.copyOf(Scores.DRIVERS.keySet()),
                config.companyId(),
                segmentContexts,
                unprocessableSegments,
                roster.counted(),
                roster.departedIds());
    }

    /** What a complete crawl stores when it asks for {@code interval}. */
    private Map<String, Long> collections(ScoreQuery.Interval interval, int segmentsWithScores) {
        Map<String, Integer> perGroup = scores.itemsPerGroup(interval);
        Map<String, Long> collections = new LinkedHashMap<>();
        collections.put("answers_export", answerCount.get());
        collections.put("employees", (long) roster.listed().length);
        collections.put("drivers", (long) Scores.DRIVERS.size());
        collections.put("scores_contexts", (long) perGroup.getOrDefault("engagement", 0));
        collections.put(
                "scores_by_driver",
                Scores.DRIVERS.keySet().stream()
                        .mapToLong(d -> perGroup.getOrDefault(d, 0))
                        .sum());
        collections.put("segments", (long) segments.all().size());
        collections.put("segment_scores", (long) segmentsWithScores * perGroup.getOrDefault("engagement", 0));
        return collections;
    }

    /** Grows (or shrinks) the answers export, e.g. to test that an incremental run picks up only new answers. */
    void setAnswerCount(long total) {
        if (total < 0 || total > 50_000_000L) {
            throw new IllegalArgumentException("answer count must be 0..50000000");
        }
        answerCount.set(total);
    }

    /**
     * Employees leave the company: {@code /employees} no longer lists them, {@code /employees/count} no longer counts
     * them; their answers stay. Throws {@link IllegalArgumentException} naming ids that are no employee's.
     */
    void employeesLeave(java.util.Collection<String> ids) {
        roster.leave(roster.indexesOf(ids));
    }

    /** Employees who left come back (an id that never left is fine). */
    void employeesReturn(java.util.Collection<String> ids) {
        roster.comeBack(roster.indexesOf(ids));
    }

    /** Forgets every issued bearer token: the next API call answers 401. */
    void revokeTokens() {
        tokens.revokeAll();
    }

    /** Starts the counters (and the budget window) afresh. */
    void resetStats() {
        traffic = new Traffic(config);
    }

    /** The answerId of the answer at {@code index} (for tests of incremental resumption). */
    long answerIdAt(long index) {
        return answers.answerId(index);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    Employees employees() {
        return employees;
    }

    Roster roster() {
        return roster;
    }

    Answers answers() {
        return answers;
    }

    Scores scores() {
        return scores;
    }

    Segments segments() {
        return segments;
    }

    BearerTokens tokens() {
        return tokens;
    }

    Traffic traffic() {
        return traffic;
    }

    long answerCount() {
        return answerCount.get();
    }
}
