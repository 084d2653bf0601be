package org.peakoningest.servicesupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.core.convert.ConversionFailedException;
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
    /** Settings whose value is never quoted, whatever its type. */
    private static final Pattern SECRET_VARIABLE =
            Pattern.compile("(?i)password|secret|token|credential|users|_key$|_uri$|_url$");
    /** A URI with user information ({@code scheme://user:password@host}). */
    private static final Pattern USER_INFO = Pattern.compile("://[^/?#\\s]*@");
    /** Connection string options whose value is a credential (authMechanismProperties may hold a session token). */
    private static final Pattern SECRET_OPTION = Pattern.compile("(?i)password|secret|token|authmechanismproperties");

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
            // A value that could not be converted (PEAKON_PER_PAGE=many): quoted as set, unless it may be a secret.
            if (t instanceof BindException bind
                    && bind.getProperty() != null
                    && !(bind.getCause() instanceof BindValidationException)) {
                return Optional.of(unconvertible(bind, environment));
            }
            if (t instanceof IllegalArgumentException && parsingAConnectionString(t)) {
                String uri = environment == null ? null : environment.getProperty("spring.mongodb.uri");
                return Optional.of(variableOf(environment, "spring.mongodb.uri")
                        + " is not a valid MongoDB connection string: " + masked(t.getMessage(), uri));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code PEAKON_PER_PAGE has an invalid value 'abc'}: the variable is the one the property's raw value names
     * ({@code ${PEAKON_PER_PAGE:10000}} in application.yml), the value the one the binder failed to convert, i.e.
     * the variable's. Neither needs the environment, which Boot does not give the analyzer when the failure came
     * before the context ({@code LOG_LEVEL=abc} fails while logging starts). A value is not quoted when it may be a
     * secret: a variable named like one, or a URI with user information.
     */
    private static String unconvertible(BindException bind, Environment environment) {
        String property = bind.getName().toString();
        Object raw = bind.getProperty().getValue();
        Matcher placeholder = raw == null ? null : VARIABLE.matcher(raw.toString());
        String variable =
                placeholder != null && placeholder.find() ? placeholder.group(1) : variableOf(environment, property);
        Object value = null;
        for (Throwable cause = bind.getCause(); cause != null && value == null; cause = cause.getCause()) {
            if (cause instanceof ConversionFailedException failed) {
                value = failed.getValue();
            }
        }
        if (value == null && environment != null) {
            value = environment.getProperty(property);
        }
        if ((value == null || value.toString().contains("${")) && placeholder != null && placeholder.find(0)) {
            // Never the placeholder's text: the variable's own value, as the process was given it.
            value = System.getProperty(variable, System.getenv(variable));
        }
        if (value == null
                || SECRET_VARIABLE.matcher(variable).find()
                || USER_INFO.matcher(value.toString()).find()) {
            return variable + " has an invalid value";
        }
        return variable + " has an invalid value '" + value + "'";
    }

    /**
     * Whether the driver threw while parsing a connection string: {@code ConnectionString} throws most of its
     * complaints itself, others come from what it calls ({@code ReadPreference.valueOf}, {@code Integer.parseInt}).
     */
    private static boolean parsingAConnectionString(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().equals("com.mongodb.ConnectionString")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code message} without the secrets of {@code uri}: the driver may quote parts of the connection string (its
     * hosts, its options), so the user information and the values of options that hold credentials are masked.
     */
    static String masked(String message, String uri) {
        String result = message == null ? "" : message;
        if (uri == null) {
            return result;
        }
        List<String> secrets = new ArrayList<>();
        int scheme = uri.indexOf("://");
        int query = uri.indexOf('?');
        int at = uri.lastIndexOf('@', query < 0 ? uri.length() : query);
        if (scheme >= 0 && at > scheme + 3) {
            String userInfo = uri.substring(scheme + 3, at);
            secrets.add(userInfo);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                secrets.add(userInfo.substring(colon + 1));
            }
        }
        if (query >= 0) {
            for (String option : uri.substring(query + 1).split("[&;]")) {
                int equals = option.indexOf('=');
                if (equals > 0
                        && SECRET_OPTION.matcher(option.substring(0, equals)).find()) {
                    secrets.add(option.substring(equals + 1));
                }
            }
        }
        for (String secret : List.copyOf(secrets)) {
            try {
                secrets.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException undecodable) {
                // Quoted as written, if at all: masked above.
            }
        }
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, "****");
            }
        }
        return result;
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
