package org.peakoningest.servicesupport.logging;

import java.util.Locale;
import java.util.Map;
import org.peakoningest.servicesupport.ConfigurationProblem;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT} (every service's application.yml maps it to {@value #PROPERTY}): {@code text}, the default, is
 * Boot's plain console pattern; {@code json} (or {@code ecs}) switches the console to Boot's structured logging in
 * Elastic Common Schema, {@code logstash} to Logstash's JSON — one JSON object per line, with the MDC
 * ({@link RunIdLogging#KEY}) as fields. Boot decides the format from {@code logging.structured.format.console}
 * while logging starts, after the environment is prepared: this post-processor runs after application.yml is read
 * and before that. Any other value is a configuration error (one line, status 2).
 */
public final class LogFormat implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "peakon.log-format";
    static final String BOOT_PROPERTY = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").strip().toLowerCase(Locale.ROOT);
        String structured = switch (format) {
            case "", "text" -> null;
            case "json", "ecs" -> "ecs";
            case "logstash" -> "logstash";
            default ->
                throw new ConfigurationProblem(
                        "LOG_FORMAT",
                        "must be text, json, ecs or logstash (got '" + environment.getProperty(PROPERTY) + "')");
        };
        if (structured != null) {
            // Last: a logging.structured.format.console set explicitly still wins.
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("LOG_FORMAT", Map.of(BOOT_PROPERTY, structured)));
        }
    }

    /** After the config data (application.yml) is loaded. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
