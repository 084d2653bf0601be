package org.peakoningest.writer.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.validation.FieldError;

/**
 * A start-up failure the operator fixes in the configuration (an invalid {@code WRITER_*} value or
 * {@code MONGO_URI}, MongoDB or Kafka unreachable, the HTTP port in use) becomes one line on stderr naming the
 * environment variable, e.g. {@code writer-service: configuration error: WRITER_CONCURRENCY
 * (peakon.writer.concurrency) must be less than or equal to 64}; never a stack trace.
 *
 * <p>Boot hands every start-up failure to the {@code FailureAnalyzer}s of {@code META-INF/spring.factories} (this
 * one first) and prints an analysis through the {@code FailureAnalysisReporter}s there ({@link OneLine}: stderr;
 * Boot's logging reporter is switched off in application.yml). The variable is read from application.yml, which
 * maps each property from one: {@code concurrency: ${WRITER_CONCURRENCY:2}}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class ConfigurationFailureAnalyzer implements FailureAnalyzer {

    private static final String PREFIX = "writer-service: configuration error: ";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private final Environment environment;

    ConfigurationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return describe(failure, environment).map(line -> new FailureAnalysis(PREFIX + line, null, failure))
                .orElse(null);
    }

    /** Whether the failure is one this analyzer describes: the process then exits with status 2. */
    public static boolean isConfigurationProblem(Throwable failure) {
        return describe(failure, null).isPresent();
    }

    /** The line for the failure; without an environment (only whether there is one matters) it names properties. */
    private static Optional<String> describe(Throwable failure, Environment environment) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationProblem problem) {
                return Optional.of(problem.getMessage());
            }
            if (t instanceof PortInUseException) {
                return Optional.of(variableOf(environment, "server.port") + " is already in use: " + t.getMessage());
            }
            if (t instanceof BindValidationException invalid) {
                StringBuilder out = new StringBuilder();
                invalid.getValidationErrors().getAllErrors().forEach(error -> {
                    String field = error instanceof FieldError f ? f.getField() : error.getObjectName();
                    String property = invalid.getValidationErrors().getName() + "."
                            + field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
                    out.append(out.isEmpty() ? "" : "; ").append(setting(environment, property)).append(' ')
                            .append(error.getDefaultMessage());
                });
                return Optional.of(out.toString());
            }
            if (t instanceof BindException bind && bind.getCause() != null
                    && !(bind.getCause() instanceof BindValidationException)) {
                return Optional.of(setting(environment, bind.getName().toString()) + " has an invalid value: "
                        + rootCause(bind));
            }
            if (t instanceof IllegalArgumentException && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith("com.mongodb.ConnectionString")) {
                return Optional.of(variableOf(environment, "spring.mongodb.uri")
                        + " is not a valid MongoDB connection string: " + t.getMessage());
            }
        }
        return Optional.empty();
    }

    private static String setting(Environment environment, String property) {
        String variable = variableOf(environment, property);
        return variable.equals(property) ? property : variable + " (" + property + ")";
    }

    /** The innermost cause as {@code Type: message}. */
    public static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The environment variable application.yml maps onto {@code property}, else the property's own name. */
    private static String variableOf(Environment environment, String property) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                Object raw = source instanceof OriginTrackedMapPropertySource ? source.getProperty(property) : null;
                Matcher variable = raw == null ? null : VARIABLE.matcher(raw.toString());
                if (variable != null && variable.find()) {
                    return variable.group(1);
                }
            }
        }
        return property;
    }

    /** Prints an analysis on stderr as the one line it is (Boot's own reporter would log a multi-line box). */
    public static final class OneLine implements FailureAnalysisReporter {

        @Override
        public void report(FailureAnalysis analysis) {
            System.err.println(analysis.getDescription());
        }
    }
}
