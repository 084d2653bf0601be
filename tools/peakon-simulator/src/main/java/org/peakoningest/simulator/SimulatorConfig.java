package org.peakoningest.simulator;

import java.util.Map;
import java.util.Set;

/**
 * Everything the simulator can be told, checked. {@link Main} reads it from the command line: each component is the
 * flag of the same name ({@code --kebab-name}, or its variable {@code SIM_UPPER_SNAKE_NAME}), described there.
 */
public record SimulatorConfig(
        String host,
        int port,
        int employees,
        long answers,
        long seed,
        long companyId,
        String appToken,
        long latencyMs,
        double errorRate,
        double rateLimitRate,
        double rateLimitNoRetryAfterRate,
        int retryAfterSeconds,
        int requestBudget,
        long budgetWindowMs,
        Set<String> invalidGroups,
        int scorePeriods,
        int threads,
        long tokenTtlSeconds,
        String publicUrl,
        boolean strictParams,
        Set<String> unprocessableSegments,
        int underServeEmployees) {

    public SimulatorConfig {
        invalidGroups = Set.copyOf(invalidGroups);
        unprocessableSegments = Set.copyOf(unprocessableSegments);
        require(employees >= 1, "employees", "must be >= 1");
        require(
                underServeEmployees >= 0 && underServeEmployees <= employees,
                "under-serve-employees",
                "must be 0..employees (" + employees + ")");
        require(answers >= 0 && answers <= 50_000_000L, "answers", "must be 0..50000000");
        require(port >= 0 && port <= 65535, "port", "must be 0..65535");
        require(latencyMs >= 0, "latency-ms", "must be >= 0");
        require(
                rate(errorRate) && rate(rateLimitRate) && rate(rateLimitNoRetryAfterRate),
                "error-rate/rate-limit-rate/rate-limit-no-retry-after-rate",
                "must be 0..1");
        require(
                errorRate + rateLimitRate + rateLimitNoRetryAfterRate <= 1.0,
                "error-rate + rate-limit rates",
                "must add up to <= 1");
        require(retryAfterSeconds >= 0, "retry-after-seconds", "must be >= 0");
        require(requestBudget >= 0, "request-budget", "must be >= 0 (0 = unlimited)");
        require(budgetWindowMs >= 1, "budget-window-ms", "must be >= 1");
        require(scorePeriods >= 1 && scorePeriods <= 120, "score-periods", "must be 1..120");
        require(threads >= 1 && threads <= 256, "threads", "must be 1..256");
        require(tokenTtlSeconds >= 0, "token-ttl-seconds", "must be >= 0");
        require(appToken != null && !appToken.isBlank(), "app-token", "must not be blank");
        publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    /** The defaults, for tests and embedding: a random port on 127.0.0.1, no faults, no budget. */
    public static SimulatorConfig defaults(int employees, long answers) {
        return parse(
                new String[] {
                    "--port",
                    "0",
                    "--request-budget",
                    "0",
                    "--employees",
                    Integer.toString(employees),
                    "--answers",
                    Long.toString(answers)
                },
                Map.of());
    }

    /**
     * Reads flags and {@code SIM_*} variables (from {@code env}) as the command line does; throws
     * {@link IllegalArgumentException} with one line naming the flag (and its variable) for a bad setting.
     */
    public static SimulatorConfig parse(String[] args, Map<String, String> env) {
        return Main.parse(args, env);
    }

    private static boolean rate(double r) {
        return r >= 0.0 && r <= 1.0;
    }

    private static void require(boolean ok, String flag, String why) {
        if (!ok) {
            throw new IllegalArgumentException("invalid --" + flag + ": " + why);
        }
    }
}
