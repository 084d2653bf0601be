package org.peakoningest.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.deployment.Repository.ROOT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.testsupport.PrometheusScrape;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The compose profile {@code monitoring}, checked statically (no Docker engine here): Prometheus scrapes the three
 * services where compose runs them, the Grafana dashboard parses and queries only series the services export
 * ({@link PrometheusScrape#LIST}, which the services' PrometheusEndpointITs check against a real scrape), and the two
 * images are pinned and reachable from the host's loopback only.
 */
class MonitoringTest {

    private static final Path DASHBOARD = ROOT.resolve("deploy/grafana/dashboards/peakon-ingest.json");
    /** Series Prometheus itself makes from every scrape. */
    private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

    private static final Set<String> PROMQL_WORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "and", "or", "unless");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private static Map<String, Map<String, Object>> services;
    private static JsonNode dashboard;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        dashboard = ContractJson.mapper().readTree(Files.readString(DASHBOARD));
    }

    @Test
    void everySeriesTheDashboardQueriesIsOneTheServicesExport() {
        Set<String> exported = new TreeSet<>(PROMETHEUS_SERIES);
        PrometheusScrape.listedByService().values().forEach(exported::addAll);
        List<String> expressions = expressions();
        assertThat(expressions).isNotEmpty();
        Set<String> queried = new TreeSet<>();
        for (String expression : expressions) {
            Set<String> names = seriesIn(expression);
            assertThat(names).as("a series in %s", expression).isNotEmpty();
            queried.addAll(names);
        }
        assertThat(exported)
                .as("series the dashboard queries, all in %s", PrometheusScrape.LIST)
                .containsAll(queried);
        // The panels: last run status and duration, items per collection, writer throughput and lag, DLT
        // count, 429s and budget.
        assertThat(queried)
                .contains(
                        "peakon_fetcher_last_run_outcome",
                        "peakon_fetcher_last_run_duration_seconds",
                        "peakon_fetcher_items_total",
                        "peakon_writer_records_total",
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "peakon_writer_dead_letters_total",
                        "peakon_fetcher_rate_limited_total",
                        "peakon_fetcher_rate_budget_remaining",
                        "peakon_writer_landing_latency_seconds_sum");
    }

    @Test
    void theListNamesOnlyTheThreeServices() {
        assertThat(PrometheusScrape.listedByService().keySet()).containsExactly("fetcher", "writer", "browse");
    }

    @Test
    void theSeriesParserFindsMetricsNotFunctionsLabelsOrKeywords() {
        assertThat(seriesIn("sum by (collection) (rate(peakon_writer_records_total{outcome=\"written\", a=~\"x.y\"}"
                        + "[$__rate_interval])) / on (job) group_left max(up) or vector(0)"))
                .containsExactlyInAnyOrder("peakon_writer_records_total", "up");
        assertThat(seriesIn("max(peakon_fetcher_last_run_finished_seconds) * 1000"))
                .containsExactly("peakon_fetcher_last_run_finished_seconds");
    }

    @Test
    void everyPanelUsesTheProvisionedDatasource() throws IOException {
        Map<String, Object> provisioned = new Yaml()
                .load(Files.readString(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> datasource = ((List<Map<String, Object>>) provisioned.get("datasources")).get(0);
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        for (JsonNode panel : dashboard.get("panels")) {
            if (!panel.get("type").asString().equals("row")) {
                assertThat(panel.at("/datasource/uid").asString())
                        .as("panel %s", panel.get("title").asString())
                        .isEqualTo(datasource.get("uid"));
                assertThat(panel.get("targets")).isNotEmpty();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheThreeServicesWhereComposeRunsThem() throws IOException {
        Map<String, Object> config =
                new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml")));
        Map<String, Map<String, Object>> jobs = new java.util.LinkedHashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            jobs.put(job.get("job_name").toString(), job);
            assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        }
        assertThat(jobs).containsOnlyKeys("fetcher", "writer", "browse");

        assertThat(staticTargets(jobs.get("fetcher")))
                .containsExactly("fetcher:" + port("fetcher", "FETCHER_HTTP_PORT"));
        // Every replica of `--scale writer=N`, found by the service's DNS name.
        Map<String, Object> writers =
                ((List<Map<String, Object>>) jobs.get("writer").get("dns_sd_configs")).get(0);
        assertThat((List<String>) writers.get("names")).containsExactly("writer");
        assertThat(writers.get("port").toString()).isEqualTo(port("writer", "WRITER_HTTP_PORT"));
        assertThat(staticTargets(jobs.get("browse"))).containsExactly("browse:" + port("browse", "BROWSE_PORT"));
        // Browse's Actuator needs credentials (BrowseSecurity): the token file the prometheus service writes.
        Map<String, Object> authorization =
                (Map<String, Object>) jobs.get("browse").get("authorization");
        assertThat(authorization.get("credentials_file").toString()).isEqualTo("/prometheus/browse-token");
        assertThat(String.join("\n", (List<String>) services.get("prometheus").get("command")))
                .contains("> /prometheus/browse-token")
                .contains("$$BROWSE_TOKEN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMonitoringServicesArePinnedProfiledAndOnLoopbackOnly() {
        assertThat(services.get("prometheus").get("image").toString()).matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
        assertThat(services.get("grafana").get("image").toString()).matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
        for (String name : List.of("prometheus", "grafana")) {
            Map<String, Object> service = services.get(name);
            assertThat((List<String>) service.get("profiles")).containsExactly("monitoring");
            assertThat((List<String>) service.get("ports"))
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p).startsWith("${BIND_ADDRESS:-127.0.0.1}:"));
            for (String volume : (List<String>) service.get("volumes")) {
                if (volume.startsWith("./")) {
                    assertThat(ROOT.resolve(volume.substring(2, volume.indexOf(':'))))
                            .as("%s mounts a file of the repository", name)
                            .exists();
                }
            }
        }
        Map<String, Object> grafana = environment("grafana");
        assertThat(grafana).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false");
        assertThat(grafana.get("GF_SECURITY_ADMIN_PASSWORD").toString()).contains("GRAFANA_ADMIN_PASSWORD");
    }

    private static List<String> expressions() {
        List<String> all = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            JsonNode targets = panel.get("targets");
            if (targets != null) {
                targets.forEach(t -> all.add(t.get("expr").asString()));
            }
        }
        return all;
    }

    /**
     * The series names in a PromQL expression: identifiers left once strings, label matchers, ranges, the label
     * lists of by/without/on/ignoring/group_*, Grafana variables, functions and keywords are taken out.
     */
    static Set<String> seriesIn(String expression) {
        String rest = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\w+", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            String word = m.group();
            boolean function = rest.substring(m.end()).stripLeading().startsWith("(");
            if (!function && !PROMQL_WORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<String> staticTargets(Map<String, Object> job) {
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) job.get("static_configs")) {
            targets.addAll((List<String>) c.get("targets"));
        }
        return targets;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        Object env = services.get(service).get("environment");
        if (env instanceof List<?> list) {
            // Compose's list form: NAME=value, or a bare NAME taken from .env as it is (absent: the jar's default).
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            for (Object entry : list) {
                String text = entry.toString();
                int equals = text.indexOf('=');
                map.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
            return map;
        }
        return (Map<String, Object>) env;
    }

    /**
     * The port a service listens on in compose: the value compose sets, else (a bare entry, passed from .env) the one
     * .env.example documents, which is the jar's default.
     */
    private static String port(String service, String variable) {
        Map<String, Object> env = environment(service);
        assertThat(env).as("%s receives %s", service, variable).containsKey(variable);
        if (env.get(variable) != null) {
            return env.get(variable).toString();
        }
        try {
            java.util.regex.Pattern line = java.util.regex.Pattern.compile("^#?\\s*" + variable + "=(\\S+).*$");
            for (String l : Files.readAllLines(ROOT.resolve(".env.example"))) {
                java.util.regex.Matcher m = line.matcher(l.strip());
                if (m.matches()) {
                    return m.group(1);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(variable + " is not documented in .env.example");
    }
}
