package org.peakoningest.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a service's {@code /actuator/prometheus} (text exposition format), as Prometheus would read it, and
 * the checked-in list of the series the dashboard relies on ({@link #LIST}), which the services' metrics ITs and the
 * deployment tests both read.
 */
public final class PrometheusScrape {

    /** {@code <service> <series>} lines: what the Grafana dashboard may query, by the service that exports it. */
    public static final Path LIST = Path.of("deploy", "grafana", "dashboard-metrics.txt");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample line: series name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.find()) {
                throw new IllegalArgumentException("not a sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new PrometheusScrape(samples);
    }

    /**
     * GETs {@code url} (with {@code Authorization: authorization} unless null) and parses it.
     *
     * @throws IllegalStateException when the answer is not 200
     */
    public static PrometheusScrape get(String url, String authorization) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/plain;version=0.0.4");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Sample> samples() {
        return samples;
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The sum of the series' samples whose labels include {@code labels} ({@code name, value, name, value...}). */
    public double value(String name, String... labels) {
        return matching(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** The series' samples whose labels include {@code labels} ({@code name, value, name, value...}). */
    public List<Sample> matching(String name, String... labels) {
        List<Sample> found = new ArrayList<>();
        for (Sample s : samples) {
            boolean match = s.name().equals(name);
            for (int i = 0; match && i + 1 < labels.length; i += 2) {
                match = labels[i + 1].equals(s.labels().get(labels[i]));
            }
            if (match) {
                found.add(s);
            }
        }
        return found;
    }

    /** The series {@link #LIST} names for {@code service} (fetcher, writer, browse). */
    public static Set<String> listed(String service) {
        Set<String> names = new TreeSet<>();
        for (String line : listLines()) {
            String[] parts = line.split("\\s+");
            if (parts[0].equals(service)) {
                names.add(parts[1]);
            }
        }
        return names;
    }

    /** Every series {@link #LIST} names, by service. */
    public static Map<String, Set<String>> listedByService() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        for (String line : listLines()) {
            String[] parts = line.split("\\s+");
            all.computeIfAbsent(parts[0], s -> new TreeSet<>()).add(parts[1]);
        }
        return all;
    }

    private static List<String> listLines() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(LIST))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    LIST + " not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readAllLines(dir.resolve(LIST)).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
