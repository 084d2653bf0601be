package org.peakoningest.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.deployment.Repository.ROOT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose stack cannot be started here (no Docker engine), so it is checked statically: what it passes is
 * documented and read, images are pinned, writers scale, services wait for healthy dependencies.
 */
class ComposeStackTest {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[-?][^}]*)?}");
    /** Variables that configure the image rather than our code (the JVM, Kafka's and Mongo's own images). */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static String composeText;
    private static Map<String, Map<String, Object>> services;
    private static Set<String> documented;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        composeText = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(composeText);
        services = (Map<String, Map<String, Object>>) compose.get("services");
        documented = documentedVariables();
    }

    /** {@code NAME=...} lines of .env.example, commented-out ones included (optional settings). */
    private static Set<String> documentedVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern line = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=.*$");
        for (String l : Files.readAllLines(ROOT.resolve(".env.example"))) {
            Matcher m = line.matcher(l.strip());
            if (m.matches()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void everyInterpolatedVariableIsDocumentedInEnvExample() {
        Set<String> referenced = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(composeText);
        while (m.find()) {
            referenced.add(m.group(1));
        }
        assertThat(referenced).isNotEmpty();
        assertThat(documented)
                .as(".env.example documents every ${VAR} of docker-compose.yml")
                .containsAll(referenced);
    }

    @Test
    void everyVariablePassedToOurServicesIsDocumentedAndReadByThatService() throws IOException {
        for (Map.Entry<String, Map<String, Object>> service : ourServices().entrySet()) {
            String module = module(service.getValue());
            String sources = mainSources(module);
            for (String variable : environment(service.getValue()).keySet()) {
                if (PLATFORM_VARIABLES.contains(variable)) {
                    continue;
                }
                assertThat(documented)
                        .as("%s passes %s: document it in .env.example", service.getKey(), variable)
                        .contains(variable);
                assertThat(readBy(sources, variable))
                        .as("%s passes %s: %s must read it", service.getKey(), variable, module)
                        .isTrue();
            }
        }
    }

    @Test
    void everyDocumentedVariableIsUsedSomewhere() throws IOException {
        StringBuilder everything = new StringBuilder(composeText);
        for (String module : List.of(
                "fetcher-service",
                "writer-service",
                "tools/peakon-simulator",
                "browse-service",
                "tools/embedded-stack")) {
            everything.append(mainSources(module));
        }
        everything.append(Files.readString(ROOT.resolve("peakon-ingest")));
        for (String variable : documented) {
            assertThat(readBy(everything.toString(), variable))
                    .as(".env.example documents %s but nothing reads it", variable)
                    .isTrue();
        }
    }

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
    void theDemoProfileAddsTheSimulatorAndTheFetcherDefaultsToIt() {
        assertThat((List<String>) services.get("simulator").get("profiles")).containsExactly("demo");
        assertThat(environment(services.get("fetcher")).get("PEAKON_BASE_URL").toString())
                .contains("http://simulator:8089/api/v1");
        assertThat(services.get("fetcher").get("command").toString()).contains("daemon");
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

    /**
     * Whether {@code sources} read {@code variable}: by name, or — for the simulator, which reads {@code SIM_X_Y} as
     * the default of its flag {@code --x-y} — by that flag's declaration ({@code "--x-y"}).
     */
    private static boolean readBy(String sources, String variable) {
        if (sources.contains(variable)) {
            return true;
        }
        return variable.startsWith("SIM_")
                && sources.contains("\"--"
                        + variable.substring(4)
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-') + '"');
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        return env == null ? Map.of() : (Map<String, Object>) env;
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
