package org.peakoningest.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The simulator's command line: {@code java -jar peakon-simulator.jar --port 8089 --employees 2000 ...}. Every flag
 * {@code --kebab-name} is also read from the environment variable {@code SIM_UPPER_SNAKE_NAME}; a flag wins over its
 * variable, a variable over the default. Exit status: 2 a bad setting (one line naming it), 1 cannot listen.
 */
@Command(
        name = "java -jar peakon-simulator.jar",
        sortOptions = false,
        abbreviateSynopsis = true,
        showDefaultValues = true,
        usageHelpWidth = 116,
        description = "A deterministic simulated Peakon API (docs/simulator.md).",
        footerHeading = "%n",
        footer = {
            "Every flag is also read from SIM_<FLAG> (--company-id from SIM_COMPANY_ID); a flag wins over its",
            "variable. The defaults shown include the variables set now. Exit status: 2 bad setting, 1 cannot listen."
        })
public final class Main {

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "interface to bind (0.0.0.0 inside a container)")
    String host;

    @Option(names = "--port", defaultValue = "8089", description = "TCP port, 0 = pick a free one")
    int port;

    @Option(
            names = "--employees",
            defaultValue = "2000",
            description = "number of employees (a manager tree with one root)")
    int employees;

    @Option(
            names = "--answers",
            defaultValue = "200000",
            description = "answers in the export (generated lazily, by index)")
    long answers;

    @Option(names = "--seed", defaultValue = "42", description = "the data seed: same seed, same bytes")
    long seed;

    @Option(
            names = "--company-id",
            defaultValue = "22182",
            description = "the company of /scores/contexts/company_{id}/...")
    long companyId;

    @Option(
            names = "--app-token",
            defaultValue = "sim-app-token",
            description = "the application token /auth/application accepts")
    String appToken;

    @Option(
            names = "--latency-ms",
            defaultValue = "0",
            description = "added to every API request before it is answered")
    long latencyMs;

    @Option(
            names = "--error-rate",
            defaultValue = "0",
            description = "share of API requests answered 500/502/503 (0..1)")
    double errorRate;

    @Option(
            names = "--rate-limit-rate",
            defaultValue = "0",
            description = "share of API requests answered 429 with Retry-After")
    double rateLimitRate;

    @Option(
            names = "--rate-limit-no-retry-after-rate",
            defaultValue = "0",
            description = "share of API requests answered 429 without Retry-After")
    double rateLimitNoRetryAfterRate;

    @Option(names = "--retry-after-seconds", defaultValue = "1", description = "the Retry-After of the random 429s")
    int retryAfterSeconds;

    @Option(
            names = "--request-budget",
            defaultValue = "5000",
            description = "API requests allowed per budget window, beyond it 429 (0 = unlimited)")
    int requestBudget;

    @Option(
            names = "--budget-window-ms",
            defaultValue = "3600000",
            description = "the sliding budget window (the real API: one hour)")
    long budgetWindowMs;

    @Option(
            names = "--invalid-groups",
            defaultValue = "free_opinions,reward_recognition",
            description = "driver ids that are not valid score groups (answered 422), comma-separated")
    String invalidGroups;

    @Option(
            names = "--unprocessable-segments",
            defaultValue = "",
            description = "segments (ids or names, comma-separated) whose scores answer 422 (too few respondents)")
    String unprocessableSegments;

    @Option(
            names = "--under-serve-employees",
            defaultValue = "0",
            description = "list this many employees fewer on /employees than /employees/count reports")
    int underServeEmployees;

    @Option(
            names = "--score-periods",
            defaultValue = "24",
            description = "months of score history (ending 2026-11) per category; interval=all serves them all")
    int scorePeriods;

    @Option(names = "--threads", defaultValue = "16", description = "request-handling threads")
    int threads;

    @Option(
            names = "--token-ttl-seconds",
            defaultValue = "0",
            description = "bearer-token lifetime, 0 = never expires (then 401)")
    long tokenTtlSeconds;

    @Option(
            names = "--public-url",
            defaultValue = "",
            description = "API base to print in links; empty = from the request's Host header")
    String publicUrl;

    @Option(
            names = "--strict-params",
            arity = "0..1",
            defaultValue = "false",
            fallbackValue = "true",
            description = "answer 400 to a query parameter the API reference does not document for the endpoint")
    boolean strictParams;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "this text")
    boolean help;

    public static void main(String[] args) throws InterruptedException {
        CommandLine command = commandLine(System.getenv());
        SimulatorConfig config;
        try {
            Main flags = parsed(command, args);
            if (command.isUsageHelpRequested()) {
                command.usage(System.out);
                return;
            }
            config = flags.config();
        } catch (IllegalArgumentException e) {
            System.err.println("peakon-simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        PeakonSimulator sim;
        try {
            sim = PeakonSimulator.start(config);
        } catch (RuntimeException e) {
            System.err.println("peakon-simulator: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sim.close();
                            stopped.countDown();
                        },
                        "peakon-sim-shutdown"));
        // The app token is a simulator value, not a secret: printing it tells the user what to configure.
        System.out.println(
                "peakon-simulator listening on " + sim.baseUrl() + " (app token: " + config.appToken() + ")");
        System.out.flush();
        stopped.await();
    }

    /** {@link SimulatorConfig#parse}. */
    static SimulatorConfig parse(String[] args, Map<String, String> env) {
        return parsed(commandLine(env), args).config();
    }

    static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new Main())
                .setDefaultValueProvider(new EnvironmentDefaults(env))
                // A flag given twice takes the last value: callers append their flags to a base command line.
                .setOverwrittenOptionsAllowed(true)
                .setUsageHelpLongOptionsMaxWidth(40)
                .registerConverter(String.class, String::trim)
                .registerConverter(int.class, value -> Math.toIntExact(wholeNumber(value)))
                .registerConverter(long.class, Main::wholeNumber);
    }

    private static Main parsed(CommandLine command, String[] args) {
        try {
            command.parseArgs(args);
            return command.getCommand();
        } catch (ParameterException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    private SimulatorConfig config() {
        return new SimulatorConfig(
                host,
                port,
                employees,
                answers,
                seed,
                companyId,
                appToken,
                latencyMs,
                errorRate,
                rateLimitRate,
                rateLimitNoRetryAfterRate,
                retryAfterSeconds,
                requestBudget,
                budgetWindowMs,
                list(invalidGroups),
                scorePeriods,
                threads,
                tokenTtlSeconds,
                publicUrl,
                strictParams,
                list(unprocessableSegments),
                underServeEmployees);
    }

    /** A comma-separated list, blanks dropped. */
    private static Set<String> list(String commaSeparated) {
        Set<String> out = new TreeSet<>();
        Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(out::add);
        return out;
    }

    /** {@code 200000} or {@code 200_000}. */
    private static long wholeNumber(String value) {
        try {
            return Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    /** picocli's message, plus the variable when the flag could have come from one. */
    private static String describe(ParameterException e) {
        return e.getArgSpec() instanceof OptionSpec option && !option.usageHelp()
                ? e.getMessage() + " (flag " + option.longestName() + " or " + envName(option) + ")"
                : e.getMessage();
    }

    /** {@code --company-id} → {@code SIM_COMPANY_ID}. */
    static String envName(OptionSpec option) {
        return "SIM_"
                + option.longestName().substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code SIM_<FLAG>} as the default of each flag; unset or blank = the built-in default. */
    private record EnvironmentDefaults(Map<String, String> env) implements IDefaultValueProvider {

        @Override
        public String defaultValue(ArgSpec arg) {
            if (!(arg instanceof OptionSpec option) || option.usageHelp()) {
                return null;
            }
            String value = env.get(envName(option));
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
