package org.peakoningest.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.deployment.Repository.ROOT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose stack cannot be started here (no Docker engine), so it is checked statically.
 *
 * <p>Settings: every variable of .env.example reaches each service that reads it (and only those), or is named here
 * as the launcher's or compose's own; every variable a service reads is in .env.example; compose's defaults are the
 * documented ones. A service "reads" what its {@code application*.yml} maps from the environment ({@code ${VAR...}}),
 * Spring's own {@code SPRING_KAFKA_*} when it is a Kafka client, and for the simulator {@code SIM_<FLAG>} of each of
 * its flags.
 *
 * <p>Locked down by default: no port is published beyond the host unless .env says so, MongoDB refuses to start
 * without a root user, each service connects to it as its own least-privileged user (browse read-only), and nothing
 * defaults the fetcher to the simulator: the demo sets that itself (deploy/demo.env).
 */
class ComposeStackTest {

    /** {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?message}}…, not the escaped {@code $${VAR}}. */
    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?}");
    /** A service's own placeholders in its application*.yml. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    /** {@code NAME=value} of .env.example, commented out ({@code # NAME=value}: optional) or not. */
    private static final Pattern ENV_LINE = Pattern.compile("^(#\\s*)?([A-Z][A-Z0-9_]*)=(.*)$");
    /** Variables that configure the image rather than our code (the JVM). */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    /** Spring Boot's own Kafka client settings (security, SASL, TLS), read by every service that is a Kafka client. */
    private static final String SPRING_KAFKA = "SPRING_KAFKA_";

    /** In .env.example for ./peakon-ingest (tools/embedded-stack) only: compose has nothing to pass them to. */
    private static final Set<String> LAUNCHER_ONLY = Set.of("PEAKON_EMBEDDED_HOME", "PEAKON_SKIP_BUILD");

    /** Compose's own: its ports, its bind address, its bundled Kafka and MongoDB; no service of ours reads them. */
    private static final Set<String> COMPOSE_ONLY = Set.of(
            "BIND_ADDRESS",
            "KAFKA_CLUSTER_ID",
            "KAFKA_EXTERNAL_HOST",
            "KAFKA_EXTERNAL_PORT",
            "MONGO_EXTERNAL_PORT",
            "BROWSE_EXTERNAL_PORT",
            "MONGO_INITDB_ROOT_USERNAME",
            "MONGO_INITDB_ROOT_PASSWORD",
            "MONGO_INGEST_USERNAME",
            "MONGO_INGEST_PASSWORD",
            "MONGO_BROWSE_USERNAME",
            "MONGO_BROWSE_PASSWORD",
            "MONGO_SCHEME",
            "MONGO_HOSTS",
            "MONGO_AUTH_SOURCE",
            "MONGO_URI_OPTIONS",
            // the monitoring profile (Prometheus and Grafana images, README "Metrics and dashboard")
            "PROMETHEUS_EXTERNAL_PORT",
            "PROMETHEUS_RETENTION",
            "GRAFANA_EXTERNAL_PORT",
            "GRAFANA_ADMIN_USER",
            "GRAFANA_ADMIN_PASSWORD");

    /** Read by a service, but set by compose itself rather than taken from .env under the same name: why. */
    private static final Map<String, String> COMPOSE_SET = Map.of(
            "MONGO_URI", "each service connects as its own user: its URI is built from the MONGO_* parts",
            "SIM_HOST", "the simulator listens on the compose network (0.0.0.0), not on the container's loopback");

    /**
     * Taken from .env, but with a default of compose's own: the jars' default (localhost) means nothing inside the
     * compose network. Their .env.example lines stay commented out, so {@code cp .env.example .env} keeps compose's.
     */
    private static final Set<String> COMPOSE_DEFAULTS = Set.of("KAFKA_BOOTSTRAP_SERVERS");

    private static String composeText;
    private static Map<String, Map<String, Object>> services;
    /** .env.example: name → value as written. */
    private static Map<String, String> documented;
    /** The names of .env.example lines that are commented out. */
    private static Set<String> optional;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        composeText = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(composeText);
        services = (Map<String, Map<String, Object>>) compose.get("services");
        documented = new TreeMap<>();
        optional = new TreeSet<>();
        for (String l : Files.readAllLines(ROOT.resolve(".env.example"))) {
            Matcher m = ENV_LINE.matcher(l.strip());
            if (m.matches()) {
                documented.put(m.group(2), m.group(3).strip());
                if (m.group(1) != null) {
                    optional.add(m.group(2));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ settings

    @Test
    void everyDocumentedVariableReachesEachServiceThatReadsIt() throws IOException {
        Map<String, Set<String>> reads = readsByService();
        List<String> problems = new ArrayList<>();
        for (String variable : documented.keySet()) {
            if (LAUNCHER_ONLY.contains(variable) || COMPOSE_ONLY.contains(variable)) {
                continue;
            }
            List<String> readers = reads.entrySet().stream()
                    .filter(e -> e.getValue().contains(variable))
                    .map(Map.Entry::getKey)
                    .toList();
            if (readers.isEmpty()) {
                problems.add(variable + ": documented in .env.example, but no service reads it (nor is it named here"
                        + " as the launcher's or compose's own)");
            }
            for (String service : readers) {
                Map<String, String> env = environment(services.get(service));
                if (!env.containsKey(variable)) {
                    problems.add(variable + ": " + service + " reads it, but compose does not pass it");
                } else if (COMPOSE_SET.containsKey(variable) && passesThrough(variable, env.get(variable))) {
                    problems.add(variable + ": " + service + " must get compose's own value, not .env's: "
                            + COMPOSE_SET.get(variable));
                } else if (!COMPOSE_SET.containsKey(variable) && !passesThrough(variable, env.get(variable))) {
                    problems.add(variable + ": " + service + " gets '" + env.get(variable) + "', not the value .env"
                            + " sets");
                }
            }
        }
        assertThat(problems)
                .as("settings that never reach the service that reads them")
                .isEmpty();
    }

    @Test
    void aServiceGetsOnlyTheVariablesItReads() throws IOException {
        Map<String, Set<String>> reads = readsByService();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> service : ourServices().entrySet()) {
            for (String variable : environment(service.getValue()).keySet()) {
                if (!PLATFORM_VARIABLES.contains(variable)
                        && !reads.get(service.getKey()).contains(variable)) {
                    problems.add(service.getKey() + " gets " + variable + " but does not read it");
                }
            }
        }
        assertThat(problems)
                .as("least privilege: no service receives what it does not use")
                .isEmpty();
    }

    @Test
    void everyVariableAServiceReadsIsDocumented() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> service : ourServices().values()) {
            String module = module(service);
            for (String variable : placeholders(module)) {
                if (!documented.containsKey(variable)) {
                    problems.add(module + "'s application.yml reads " + variable + ": document it in .env.example");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void launcherAndComposeVariablesAreUsedWhereTheyBelong() throws IOException {
        Map<String, Set<String>> reads = readsByService();
        String launcher = Files.readString(ROOT.resolve("peakon-ingest")) + mainSources("tools/embedded-stack");
        for (String variable : LAUNCHER_ONLY) {
            assertThat(documented).as(".env.example documents %s", variable).containsKey(variable);
            assertThat(launcher).as("the launcher reads %s", variable).contains(variable);
            assertThat(interpolated()).as("compose has no use for %s", variable).doesNotContain(variable);
        }
        for (String variable : COMPOSE_ONLY) {
            assertThat(documented).as(".env.example documents %s", variable).containsKey(variable);
            assertThat(interpolated())
                    .as("docker-compose.yml uses %s", variable)
                    .contains(variable);
            reads.forEach((service, read) -> assertThat(read)
                    .as("%s is compose's own, but %s reads it", variable, service)
                    .doesNotContain(variable));
        }
    }

    @Test
    void everyInterpolatedVariableIsDocumentedInEnvExample() {
        assertThat(interpolated()).isNotEmpty();
        assertThat(documented.keySet())
                .as(".env.example documents every ${VAR} of docker-compose.yml")
                .containsAll(interpolated());
    }

    @Test
    void composeDefaultsAreTheDocumentedOnes() {
        List<String> problems = new ArrayList<>();
        Matcher m = INTERPOLATION.matcher(composeText);
        while (m.find()) {
            String variable = m.group(1);
            if (!":-".equals(m.group(2)) && !"-".equals(m.group(2))) {
                continue;
            }
            String fallback = m.group(3);
            if (COMPOSE_DEFAULTS.contains(variable)) {
                if (!optional.contains(variable)) {
                    problems.add(variable + ": compose defaults it to '" + fallback + "', so its .env.example line"
                            + " must be commented out (cp .env.example .env would replace that default)");
                }
            } else if (!fallback.equals(documented.get(variable))) {
                problems.add(variable + ": compose defaults it to '" + fallback + "', .env.example says '"
                        + documented.get(variable) + "'");
            }
        }
        // The containers' own shell defaults (the healthchecks' $${FETCHER_HTTP_PORT:-8082}) are the services' too.
        Matcher shell = Pattern.compile("\\$\\$\\{([A-Z0-9_]+):-([^}]*)}").matcher(composeText);
        while (shell.find()) {
            if (!shell.group(2).equals(documented.get(shell.group(1)))) {
                problems.add(shell.group(1) + ": a healthcheck assumes '" + shell.group(2) + "', .env.example says '"
                        + documented.get(shell.group(1)) + "'");
            }
        }
        assertThat(problems).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ locked down

    @Test
    @SuppressWarnings("unchecked")
    void noPortIsPublishedBeyondTheHostByDefault() {
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
                String raw = port instanceof Map<?, ?> long_
                        ? long_.get("host_ip") + ":" + long_.get("published") + ":" + long_.get("target")
                        : port.toString();
                String[] parts = withDefaults(raw).split(":");
                if (parts.length != 3 || !parts[0].equals("127.0.0.1")) {
                    problems.add(name + " publishes '" + raw + "': by default on "
                            + (parts.length == 3 ? parts[0] : "every interface") + ", not 127.0.0.1");
                } else if (!raw.startsWith("${BIND_ADDRESS:-127.0.0.1}:")) {
                    problems.add(name + " publishes '" + raw + "': the address must be ${BIND_ADDRESS:-127.0.0.1}");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void mongoRequiresARootUserAndCreatesTheServicesOwnUsers() throws IOException {
        Map<String, String> mongo = environment(services.get("mongo"));
        for (String variable : List.of(
                "MONGO_INITDB_ROOT_USERNAME",
                "MONGO_INITDB_ROOT_PASSWORD",
                "MONGO_INGEST_PASSWORD",
                "MONGO_BROWSE_PASSWORD")) {
            // Before the container starts: a failed init script leaves an initialised volume without the users.
            assertThat(mongo.get(variable))
                    .as("compose refuses to start without %s", variable)
                    .matches(Pattern.quote("${" + variable + ":?") + "[^}-]+}");
        }
        assertThat((List<String>) services.get("mongo").get("volumes"))
                .as("the users' script runs on the first start (empty volume)")
                .contains("./deploy/mongo-init:/docker-entrypoint-initdb.d:ro");
        Map<String, List<String>> users = initScriptUsers();
        assertThat(users)
                .as("browse reads, fetcher and writer (one user) read and write; nothing more, on MONGO_DB only")
                .containsOnly(
                        Map.entry("browse", List.of("MONGO_BROWSE_USERNAME", "MONGO_BROWSE_PASSWORD", "read")),
                        Map.entry("ingest", List.of("MONGO_INGEST_USERNAME", "MONGO_INGEST_PASSWORD", "readWrite")));
        assertThat(mongoInitScripts())
                .contains("process.env.MONGO_DB", "roles: [{ role: role, db: database }]")
                .doesNotContain("AnyDatabase", "'root'", "dbOwner", "userAdmin", "clusterAdmin");
    }

    @Test
    void eachServiceConnectsToMongoAsItsOwnUserBrowseReadOnly() {
        Map<String, String> user = Map.of("fetcher", "INGEST", "writer", "INGEST", "browse", "BROWSE");
        user.forEach((service, own) -> {
            String uri = environment(services.get(service)).get("MONGO_URI");
            assertThat(uri).as("%s's MONGO_URI", service).isNotNull();
            assertThat(uri)
                    .as("%s connects as MONGO_%s_USERNAME", service, own)
                    .contains("${MONGO_" + own + "_USERNAME", "${MONGO_" + own + "_PASSWORD")
                    .doesNotContain("ROOT");
            for (String other : Set.of("INGEST", "BROWSE")) {
                if (!other.equals(own)) {
                    assertThat(uri)
                            .as("%s never connects as MONGO_%s_USERNAME", service, other)
                            .doesNotContain("MONGO_" + other);
                }
            }
        });
    }

    @Test
    void noSecretHasADefault() {
        // The simulator's app token is the demo's, public by design; BROWSE_GENERATE_TOKEN is a switch (default false).
        Pattern secret = Pattern.compile("PASSWORD|SECRET|TOKEN$|USERS$|JAAS");
        List<String> problems = new ArrayList<>();
        documented.forEach((variable, value) -> {
            if (secret.matcher(variable).find()
                    && !variable.startsWith("SIM_")
                    && !variable.equals("BROWSE_GENERATE_TOKEN")) {
                if (!optional.contains(variable) && !value.isEmpty()) {
                    problems.add(".env.example gives " + variable + " a value");
                }
                Matcher m = INTERPOLATION.matcher(composeText);
                while (m.find()) {
                    if (m.group(1).equals(variable)
                            && m.group(2) != null
                            && m.group(2).endsWith("-")
                            && !m.group(3).isEmpty()) {
                        problems.add("docker-compose.yml defaults " + variable + " to '" + m.group(3) + "'");
                    }
                }
                services.forEach((name, service) -> {
                    String set = environment(service).get(variable);
                    if (set != null && !set.startsWith("${" + variable)) {
                        problems.add(name + " gets " + variable + " from docker-compose.yml itself");
                    }
                });
            }
        });
        assertThat(documented).containsEntry("BROWSE_GENERATE_TOKEN", "false");
        assertThat(environment(services.get("browse"))).containsEntry("BROWSE_GENERATE_TOKEN", null);
        assertThat(problems).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void nothingDefaultsTheFetcherToTheSimulatorTheDemoSetsItItself() throws IOException {
        assertThat((List<String>) services.get("simulator").get("profiles")).containsExactly("demo");
        Map<String, String> fetcher = environment(services.get("fetcher"));
        for (String variable : List.of("PEAKON_BASE_URL", "PEAKON_APP_TOKEN")) {
            assertThat(fetcher)
                    .as(
                            "%s comes from .env alone, a bare entry: without it the fetcher stops (one line, status 2)",
                            variable)
                    .containsEntry(variable, null);
        }
        assertThat(services.get("fetcher").get("command").toString()).contains("daemon");

        Map<String, String> demo = envFile(ROOT.resolve("deploy/demo.env"));
        String simulatorPort = demo.getOrDefault("SIM_PORT", documented.get("SIM_PORT"));
        assertThat(demo.get("PEAKON_BASE_URL")).isEqualTo("http://simulator:" + simulatorPort + "/api/v1");
        assertThat(demo.get("PEAKON_APP_TOKEN"))
                .isEqualTo(demo.getOrDefault("SIM_APP_TOKEN", documented.get("SIM_APP_TOKEN")));
        assertThat(demo.get("COMPOSE_PROJECT_NAME"))
                .as("the demo keeps its own volumes (its users and passwords never reach the real stack's)")
                .isNotBlank()
                .isNotEqualTo(new Yaml().<Map<String, Object>>load(composeText).get("name"));
        for (String variable : demo.keySet()) {
            assertThat(variable.startsWith("COMPOSE_") || documented.containsKey(variable))
                    .as("deploy/demo.env sets %s: document it in .env.example", variable)
                    .isTrue();
        }
        Matcher required = INTERPOLATION.matcher(composeText);
        while (required.find()) {
            if (":?".equals(required.group(2))) {
                assertThat(demo.get(required.group(1)))
                        .as("the demo sets %s, which compose requires", required.group(1))
                        .isNotBlank();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the rest

    @Test
    void writersScaleFreely() {
        Map<String, Object> writer = services.get("writer");
        assertThat(writer)
                .as("no fixed name or host port, so --scale writer=3 works")
                .doesNotContainKeys("container_name", "ports", "hostname");
    }

    @Test
    void thirdPartyImagesArePinned() {
        assertThat(services.get("kafka").get("image").toString()).matches("apache/kafka:\\d+\\.\\d+\\.\\d+");
        assertThat(services.get("mongo").get("image").toString()).matches("mongo:8\\.\\d+\\.\\d+");
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesWaitForHealthyInfrastructure() {
        assertThat(services.get("kafka")).containsKey("healthcheck");
        assertThat(services.get("mongo")).containsKey("healthcheck");
        for (String name : List.of("fetcher", "writer")) {
            Map<String, Map<String, Object>> dependsOn =
                    (Map<String, Map<String, Object>>) services.get(name).get("depends_on");
            assertThat(dependsOn.get("kafka")).containsEntry("condition", "service_healthy");
            assertThat(dependsOn.get("mongo")).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthchecksThatOpenATcpSocketRunUnderBash() {
        // /dev/tcp is bash's: the JRE image's /bin/sh (dash) has none, so CMD-SHELL would never report healthy.
        services.forEach((name, service) -> {
            Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
            List<String> test = healthcheck == null ? List.of() : (List<String>) healthcheck.get("test");
            if (String.join(" ", test).contains("/dev/tcp/")) {
                assertThat(test).as("%s's healthcheck", name).startsWith("CMD", "bash", "-c");
            }
        });
    }

    @Test
    void dockerfileBuildsWithMavenAndRunsAsNonRoot() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile)
                .contains("FROM maven:")
                .contains(" AS build")
                .contains("FROM eclipse-temurin:17-jre")
                .containsPattern("(?m)^USER 10001");
        for (Map<String, Object> service : ourServices().values()) {
            String module = module(service);
            assertThat(dockerfile)
                    .as("the Dockerfile copies the pom of %s", module)
                    .contains("COPY " + module + "/pom.xml");
        }
        // Maven reads every module of the reactor (aggregators included), and the libraries the services are built
        // from need their sources.
        for (String module : Repository.reactorModules()) {
            assertThat(dockerfile)
                    .as("the Dockerfile copies the pom of reactor module %s", module)
                    .contains("COPY " + module + "/pom.xml");
        }
        for (String library : List.of("common", "service-support", "tools/test-support")) {
            assertThat(dockerfile)
                    .as("the Dockerfile copies the sources of %s", library)
                    .contains("COPY " + library + "/src " + library + "/src");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Whether compose gives {@code variable} the value .env sets for it: a bare entry, or {@code ${VARIABLE...}}. */
    private static boolean passesThrough(String variable, String value) {
        if (value == null) {
            return true;
        }
        Matcher m = INTERPOLATION.matcher(value);
        return m.matches() && m.group(1).equals(variable);
    }

    /** The variables each of our services reads, by compose service name. */
    private static Map<String, Set<String>> readsByService() throws IOException {
        Map<String, Set<String>> reads = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> service : ourServices().entrySet()) {
            reads.put(service.getKey(), reads(module(service.getValue())));
        }
        return reads;
    }

    /**
     * What a module reads from the environment: its application.yml's placeholders and, as a Kafka client, Spring's
     * own {@code SPRING_KAFKA_*} documented in .env.example; the simulator reads {@code SIM_<FLAG>} of every flag.
     */
    @SuppressWarnings("unchecked")
    private static Set<String> reads(String module) throws IOException {
        Set<String> read = new TreeSet<>(placeholders(module));
        for (Path yml : applicationYmls(module)) {
            Map<String, Object> yaml = new Yaml().load(Files.readString(yml));
            Object spring = yaml == null ? null : yaml.get("spring");
            if (spring instanceof Map<?, ?> map && map.containsKey("kafka")) {
                documented.keySet().stream()
                        .filter(v -> v.startsWith(SPRING_KAFKA))
                        .forEach(read::add);
            }
        }
        Matcher flag = Pattern.compile("names = \\{?\"--([a-z0-9-]+)\"")
                .matcher(module.equals("tools/peakon-simulator") ? mainSources(module) : "");
        while (flag.find()) {
            read.add("SIM_" + flag.group(1).toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        return read;
    }

    private static Set<String> placeholders(String module) throws IOException {
        Set<String> read = new TreeSet<>();
        for (Path yml : applicationYmls(module)) {
            Matcher m = PLACEHOLDER.matcher(Files.readString(yml));
            while (m.find()) {
                read.add(m.group(1));
            }
        }
        return read;
    }

    private static List<Path> applicationYmls(String module) throws IOException {
        Path resources = ROOT.resolve(module).resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml"))
                    .sorted()
                    .toList();
        }
    }

    /** The names of every {@code ${VAR}} of docker-compose.yml. */
    private static Set<String> interpolated() {
        Set<String> names = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(composeText);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** {@code raw} with every {@code ${VAR:-default}} replaced by its default (as with an empty .env). */
    private static String withDefaults(String raw) {
        Matcher m = INTERPOLATION.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fallback = m.group(2) != null && m.group(2).endsWith("-") ? m.group(3) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(fallback));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String mongoInitScripts() {
        Path dir = ROOT.resolve("deploy/mongo-init");
        assertThat(dir).as("deploy/mongo-init holds the users' script").isDirectory();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all.toString();
    }

    /** The script's {@code user('who', 'NAME_VARIABLE', 'PASSWORD_VARIABLE', 'role')} calls: who → the rest. */
    private static Map<String, List<String>> initScriptUsers() {
        Matcher call = Pattern.compile("(?m)^user\\('(\\w+)',\\s*'(\\w+)',\\s*'(\\w+)',\\s*'(\\w+)'\\);")
                .matcher(mongoInitScripts());
        Map<String, List<String>> users = new TreeMap<>();
        while (call.find()) {
            users.put(call.group(1), List.of(call.group(2), call.group(3), call.group(4)));
        }
        return users;
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        assertThat(file).exists();
        Map<String, String> values = new LinkedHashMap<>();
        for (String l : Files.readAllLines(file)) {
            Matcher m = ENV_LINE.matcher(l.strip());
            if (m.matches() && m.group(1) == null) {
                values.put(m.group(2), m.group(3).strip());
            }
        }
        return values;
    }

    private static Map<String, Map<String, Object>> ourServices() {
        Map<String, Map<String, Object>> ours = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if (service.get("build") != null) {
                ours.put(name, service);
            }
        });
        assertThat(ours).containsKeys("fetcher", "writer", "simulator", "browse");
        return ours;
    }

    @SuppressWarnings("unchecked")
    private static String module(Map<String, Object> service) {
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        return ((Map<String, Object>) build.get("args")).get("MODULE").toString();
    }

    /**
     * A service's environment, list or map form alike: name → value, {@code null} for a bare entry (compose passes the
     * variable .env or the shell sets, and nothing when neither does).
     */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof List<?> list) {
            for (Object entry : list) {
                String text = entry.toString();
                int equals = text.indexOf('=');
                result.put(
                        equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        } else if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(k.toString(), v == null ? null : v.toString()));
        }
        return result;
    }

    private static String mainSources(String module) throws IOException {
        Path main = ROOT.resolve(module).resolve("src/main");
        if (!Files.isDirectory(main)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }
}
