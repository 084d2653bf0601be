package org.peakoningest.simulator;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the simulator can be told. Every setting is a flag {@code --kebab-name value} and an env var
 * {@code SIM_UPPER_SNAKE_NAME}; flags win over env vars, env vars over the defaults below.
 *
 * @param host                          interface to bind ({@code 0.0.0.0} inside a container)
 * @param port                          TCP port, 0 = pick a free one
 * @param employees                     number of employees (a manager tree with one root)
 * @param answers                       number of answers in the export (generated lazily, by index)
 * @param seed                          the data seed: same seed, same bytes
 * @param companyId                     the company id of {@code /scores/contexts/company_{id}/...}
 * @param appToken                      the application token {@code /auth/application} accepts
 * @param latencyMs                     added to every API request before it is answered
 * @param errorRate                     share of API requests answered 500/502/503 (0..1, deterministic by seed)
 * @param rateLimitRate                 share of API requests answered 429 with {@code Retry-After}
 * @param rateLimitNoRetryAfterRate     share of API requests answered 429 without {@code Retry-After}
 * @param retryAfterSeconds             the {@code Retry-After} value of the random 429s
 * @param requestBudget                 API requests allowed per budget window, beyond it 429 (0 = unlimited)
 * @param budgetWindowMs                the sliding budget window (the real API: one hour)
 * @param invalidGroups                 driver ids that are NOT valid score groups (answered 422)
 * @param scorePeriods                  number of points in time per score category
 * @param threads                       request-handling threads
 * @param tokenTtlSeconds               bearer-token lifetime, 0 = never expires (then 401)
 * @param publicUrl                     base URL to print in links; empty = taken from the request's Host header
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
        String publicUrl) {

    /** The flags, in documentation order, with their defaults. */
    static final Map<String, String> DEFAULTS = defaults();

    public SimulatorConfig {
        invalidGroups = Set.copyOf(invalidGroups);
        require(employees >= 1, "employees", "must be >= 1");
        require(answers >= 0 && answers <= 50_000_000L, "answers", "must be 0..50000000");
        require(port >= 0 && port <= 65535, "port", "must be 0..65535");
        require(latencyMs >= 0, "latency-ms", "must be >= 0");
        require(rate(errorRate) && rate(rateLimitRate) && rate(rateLimitNoRetryAfterRate),
                "error-rate/rate-limit-rate/rate-limit-no-retry-after-rate", "must be 0..1");
        require(errorRate + rateLimitRate + rateLimitNoRetryAfterRate <= 1.0, "error-rate + rate-limit rates",
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
        return parse(new String[] {"--port", "0", "--request-budget", "0",
            "--employees", Integer.toString(employees), "--answers", Long.toString(answers)}, Map.of());
    }

    /** Reads flags and {@code SIM_*} env vars; throws {@link IllegalArgumentException} with one clear line. */
    public static SimulatorConfig parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (String name : DEFAULTS.keySet()) {
            String fromEnv = env.get(envName(name));
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(name, fromEnv.trim());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (flags look like --port 8089)");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("flag --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown flag --" + name + " (known: " + DEFAULTS.keySet() + ")");
            }
            values.put(name, value.trim());
        }
        return new SimulatorConfig(
                values.get("host"),
                intOf(values, "port"),
                intOf(values, "employees"),
                longOf(values, "answers"),
                longOf(values, "seed"),
                longOf(values, "company-id"),
                values.get("app-token"),
                longOf(values, "latency-ms"),
                doubleOf(values, "error-rate"),
                doubleOf(values, "rate-limit-rate"),
                doubleOf(values, "rate-limit-no-retry-after-rate"),
                intOf(values, "retry-after-seconds"),
                intOf(values, "request-budget"),
                longOf(values, "budget-window-ms"),
                listOf(values.get("invalid-groups")),
                intOf(values, "score-periods"),
                intOf(values, "threads"),
                longOf(values, "token-ttl-seconds"),
                values.get("public-url"));
    }

    /** {@code company-id} → {@code SIM_COMPANY_ID}. */
    static String envName(String flag) {
        return "SIM_" + flag.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public SimulatorConfig withPort(int newPort) {
        return new SimulatorConfig(host, newPort, employees, answers, seed, companyId, appToken, latencyMs, errorRate,
                rateLimitRate, rateLimitNoRetryAfterRate, retryAfterSeconds, requestBudget, budgetWindowMs,
                invalidGroups, scorePeriods, threads, tokenTtlSeconds, publicUrl);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("host", "127.0.0.1");
        d.put("port", "8089");
        d.put("employees", "2000");
        d.put("answers", "200000");
        d.put("seed", "42");
        d.put("company-id", "22182");
        d.put("app-token", "sim-app-token");
        d.put("latency-ms", "0");
        d.put("error-rate", "0");
        d.put("rate-limit-rate", "0");
        d.put("rate-limit-no-retry-after-rate", "0");
        d.put("retry-after-seconds", "1");
        d.put("request-budget", "5000");
        d.put("budget-window-ms", "3600000");
        d.put("invalid-groups", "free_opinions,reward_recognition");
        d.put("score-periods", "12");
        d.put("threads", "16");
        d.put("token-ttl-seconds", "0");
        d.put("public-url", "");
        return java.util.Collections.unmodifiableMap(d);
    }

    private static boolean rate(double r) {
        return r >= 0.0 && r <= 1.0;
    }

    private static void require(boolean ok, String flag, String why) {
        if (!ok) {
            throw new IllegalArgumentException("invalid --" + flag + ": " + why);
        }
    }

    private static Set<String> listOf(String csv) {
        Set<String> out = new TreeSet<>();
        if (csv != null) {
            Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    private static int intOf(Map<String, String> v, String name) {
        return (int) longOf(v, name);
    }

    private static long longOf(Map<String, String> v, String name) {
        try {
            return Long.parseLong(v.get(name).replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid --" + name + " / " + envName(name) + ": '" + v.get(name)
                    + "' is not a whole number");
        }
    }

    private static double doubleOf(Map<String, String> v, String name) {
        try {
            return Double.parseDouble(v.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid --" + name + " / " + envName(name) + ": '" + v.get(name)
                    + "' is not a number");
        }
    }
}
