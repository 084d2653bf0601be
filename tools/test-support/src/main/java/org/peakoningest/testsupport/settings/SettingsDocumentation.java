package org.peakoningest.testsupport.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a service's settings against what the operator reads: every property of its
 * {@code @ConfigurationProperties} record (from the metadata {@code spring-boot-configuration-processor} writes) is
 * set in its {@code application.yml}; every environment variable that file reads is in the README's configuration
 * table and in {@code .env.example}, with the same default in all three; and every README row that says the service
 * uses a variable is read by it. Run from the service's own tests, so the metadata is the one just compiled.
 */
public final class SettingsDocumentation {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    /** {@code | `NAME` | `default` | used by | meaning |}; the default cell may be prose ("— (required)"). */
    private static final Pattern README_ROW =
            Pattern.compile("^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|([^|]*)\\|([^|]*)\\|.*$");

    private static final Pattern ENV_LINE = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=(.*)$");

    private SettingsDocumentation() {}

    /**
     * What is out of step, one line each; empty when everything agrees.
     *
     * @param service    the README's name of the service in the "used by" column ({@code fetcher}, {@code writer}...)
     * @param prefix     the {@code @ConfigurationProperties} prefix, e.g. {@code peakon.fetcher}
     * @param repository the repository root (README.md and .env.example)
     */
    public static List<String> problems(String service, String prefix, Path repository) {
        return problems(
                service,
                prefix,
                repository,
                resource("application.yml"),
                resource("META-INF/spring-configuration-metadata.json"));
    }

    static List<String> problems(String service, String prefix, Path repository, String yaml, String metadata) {
        Map<String, Object> flat = flatten(new Yaml().load(yaml));
        Map<String, String> read = readVariables(yaml);
        Map<String, Row> readme = readmeTable(repository.resolve("README.md"));
        Map<String, String> example = envExample(repository.resolve(".env.example"));

        List<String> problems = new ArrayList<>();
        for (String property : boundProperties(metadata, prefix)) {
            if (!flat.containsKey(property)) {
                problems.add(property + " is bound by the settings record but not set in application.yml");
            }
        }
        read.forEach((variable, fallback) -> {
            Row row = readme.get(variable);
            if (row == null) {
                problems.add(variable + " is read by application.yml but missing from the README's table");
            } else if (!row.defaultValue().equals(fallback)) {
                problems.add(variable + ": README says default '" + row.defaultValue() + "', application.yml '"
                        + fallback + "'");
            }
            if (!example.containsKey(variable)) {
                problems.add(variable + " is read by application.yml but missing from .env.example");
            } else if (!example.get(variable).equals(fallback)) {
                problems.add(variable + ": .env.example says '" + example.get(variable) + "', application.yml '"
                        + fallback + "'");
            }
        });
        readme.forEach((variable, row) -> {
            if (row.usedBy().contains(service) && !read.containsKey(variable)) {
                problems.add(variable + ": the README says " + service + " uses it, but its application.yml does not"
                        + " read it");
            }
        });
        return problems;
    }

    /** A README row: the default as written (backticks and "(required)" notes removed) and the "used by" names. */
    record Row(String defaultValue, Set<String> usedBy) {}

    /** The variables a configuration file reads, with the default it gives each ("" when it gives none). */
    static Map<String, String> readVariables(String yaml) {
        Map<String, String> read = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(yaml);
        while (m.find()) {
            read.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        return read;
    }

    static Map<String, Row> readmeTable(Path readme) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : lines(readme)) {
            Matcher m = README_ROW.matcher(line);
            if (m.matches()) {
                String cell = m.group(2).strip();
                String fallback =
                        cell.startsWith("`") && cell.indexOf('`', 1) > 0 ? cell.substring(1, cell.indexOf('`', 1)) : "";
                Set<String> usedBy = new LinkedHashSet<>();
                for (String name : m.group(3).split("[,/ ]+")) {
                    if (!name.isBlank()) {
                        usedBy.add(name.strip().toLowerCase(Locale.ROOT));
                    }
                }
                rows.put(m.group(1), new Row(fallback, usedBy));
            }
        }
        return rows;
    }

    /** {@code NAME=value} lines, commented out or not (a commented line documents a default that is empty). */
    static Map<String, String> envExample(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines(file)) {
            Matcher m = ENV_LINE.matcher(line.strip());
            if (m.matches()) {
                values.put(m.group(1), m.group(2).strip());
            }
        }
        return values;
    }

    /** The properties under {@code prefix} in the compiled configuration metadata, in kebab-case. */
    static Set<String> boundProperties(String metadata, String prefix) {
        Set<String> names = new TreeSet<>();
        for (JsonNode property : JsonMapper.shared().readTree(metadata).path("properties")) {
            String name = property.path("name").asString();
            if (name.startsWith(prefix + ".")) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no property under " + prefix + " in the configuration metadata: is "
                    + "spring-boot-configuration-processor on the service's annotation processor path?");
        }
        return names;
    }

    /** Nested YAML maps as {@code a.b.c} keys. */
    static Map<String, Object> flatten(Map<String, Object> yaml) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", yaml, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String path, Map<String, Object> map, Map<String, Object> flat) {
        map.forEach((key, value) -> {
            String name = path.isEmpty() ? String.valueOf(key) : path + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, (Map<String, Object>) nested, flat);
            } else {
                flat.put(name, value);
            }
        });
    }

    private static String resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
