package org.peakoningest.servicesupport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
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
import org.springframework.validation.ObjectError;

/**
 * A start-up failure the operator fixes in the configuration — a {@link ConfigurationProblem}, a setting its
 * {@code @ConfigurationProperties} record rejects, an invalid {@code MONGO_URI}, the HTTP port in use — becomes one
 * line naming the environment variable, e.g. {@code PEAKON_PER_PAGE must be between 1 and 20000 (got '0')}; never a
 * stack trace, never a secret's value.
 *
 * <p>Boot hands every start-up failure to the {@code FailureAnalyzer}s of {@code META-INF/spring.factories} (this
 * one first) and prints an analysis through the {@code FailureAnalysisReporter}s there ({@link OneLine}: stderr; each
 * service switches Boot's logging reporter off in its application.yml). The variable is read from the service's
 * application.yml, which maps each property from one: {@code per-page: ${PEAKON_PER_PAGE:10000}}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ConfigurationFailureAnalyzer implements FailureAnalyzer {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private final Environment environment;

    ConfigurationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return describe(failure, environment)
                .map(line -> new FailureAnalysis(line, null, failure))
                .orElse(null);
    }

    /** Whether the failure is one this analyzer describes: the process then exits with status 2. */
    static boolean isConfigurationProblem(Throwable failure) {
        return describe(failure, null).isPresent();
    }

    /** The line for the failure; without an environment (only whether there is one matters) it names properties. */
    private static Optional<String> describe(Throwable failure, Environment environment) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationProblem) {
                return Optional.of(t.getMessage());
            }
            if (t instanceof PortInUseException inUse) {
                return Optional.of(
                        variableOf(environment, "server.port") + " is already in use (port " + inUse.getPort() + ")");
            }
            if (t instanceof BindValidationException invalid) {
                return Optional.of(invalidSettings(invalid.getValidationErrors(), environment));
            }
            // A value that could not be converted (PEAKON_PER_PAGE=many); the target is never text, so no secret.
            if (t instanceof BindException bind
                    && bind.getProperty() != null
                    && !(bind.getCause() instanceof BindValidationException)) {
                String property = bind.getName().toString();
                return Optional.of(variableOf(environment, property) + " has an invalid value '"
                        + (environment == null ? "" : environment.getProperty(property)) + "'");
            }
            if (t instanceof IllegalArgumentException
                    && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith("com.mongodb.ConnectionString")) {
                return Optional.of(variableOf(environment, "spring.mongodb.uri")
                        + " is not a valid MongoDB connection string: " + t.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Each rejected setting once, e.g. {@code BROWSE_MIN_N must be greater than or equal to 1 (got '0')}. The value
     * is quoted as it was written (90s, not PT1M30S) only when it is no text: text may be a token or a password. An
     * {@code @AssertTrue} check ({@code isScheduleCronValid}) is reported on the setting it is named after.
     */
    private static String invalidSettings(ValidationErrors errors, Environment environment) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (ObjectError error : errors.getAllErrors()) {
            String property = errors.getName()
                    + (error instanceof FieldError field
                            ? "."
                                    + field.getField()
                                            .replaceAll("Valid$", "")
                                            .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                                            .toLowerCase(Locale.ROOT)
                            : "");
            Object rejected = error instanceof FieldError field ? field.getRejectedValue() : null;
            String value = environment == null ? null : environment.getProperty(property);
            boolean quoted = value != null
                    && !value.isBlank()
                    && rejected != null
                    && !(rejected instanceof CharSequence)
                    && !(rejected instanceof Boolean);
            lines.putIfAbsent(
                    property,
                    variableOf(environment, property) + " " + error.getDefaultMessage()
                            + (quoted ? " (got '" + value + "')" : ""));
        }
        return String.join("; ", lines.values());
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
    static final class OneLine implements FailureAnalysisReporter {

        @Override
        public void report(FailureAnalysis analysis) {
            System.err.println(analysis.getDescription());
        }
    }
}
