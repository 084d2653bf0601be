package org.peakoningest.embeddedstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.peakoningest.embeddedstack.process.StackFailure;

/**
 * Where things are: the repository (for the built jars) and the state directory ({@code <repo>/.embedded} or
 * {@code $PEAKON_EMBEDDED_HOME}) with {@code logs/}, {@code kafka/}, {@code mongo/} and {@code stack.properties}.
 */
public record StackLayout(Path repository, Path stateDirectory) {

    public static final String HOME_VARIABLE = "PEAKON_EMBEDDED_HOME";
    /** What the stack runs; the same list as in the peakon-ingest script. */
    public static final String BUILD_MODULES = "common,service-support,tools/peakon-simulator,"
            + "fetcher-service,writer-service,browse-service,tools/embedded-stack";

    /**
     * The layout for this launcher: the repository from the {@code peakon.home} system property (set by the
     * {@code peakon-ingest} script), else the working directory; the state directory from the environment.
     */
    public static StackLayout detect(Map<String, String> environment) {
        Path repository =
                Path.of(System.getProperty("peakon.home", ".")).toAbsolutePath().normalize();
        String home = environment.get(HOME_VARIABLE);
        Path state = home == null || home.isBlank() ? repository.resolve(".embedded") : Path.of(home);
        return new StackLayout(repository, state.toAbsolutePath().normalize());
    }

    public Path logs() {
        return stateDirectory.resolve("logs");
    }

    public Path kafkaDirectory() {
        return stateDirectory.resolve("kafka");
    }

    public Path mongoDirectory() {
        return stateDirectory.resolve("mongo");
    }

    /** The H2 file of {@code --persist} mode. */
    public Path mongoH2File() {
        return mongoDirectory().resolve("peakon.mv.db");
    }

    public Path stateFile() {
        return stateDirectory.resolve("stack.properties");
    }

    /**
     * The embedded stack's own {@code PEAKON_ERASURE_SECRET}, made once per state directory when the environment sets
     * none, so its crawls and {@code ./peakon-ingest erase} hash people alike (see {@link ErasureSecret}).
     */
    public Path erasureSecretFile() {
        return stateDirectory.resolve("erasure-secret");
    }

    public Path kafkaLibs() {
        return repository.resolve("tools/embedded-stack/target/kafka-libs");
    }

    Path simulatorJar() {
        return bootJar("tools/peakon-simulator");
    }

    public Path fetcherJar() {
        return bootJar("fetcher-service");
    }

    public Path writerJar() {
        return bootJar("writer-service");
    }

    Path browseJar() {
        return bootJar("browse-service");
    }

    /**
     * The executable jar {@code <module>/target/<name>-<version>.jar}, {@code module} being the module's directory
     * in the repository and {@code name} its last segment; fails with the build command if absent.
     */
    Path bootJar(String module) {
        Path target = repository.resolve(module).resolve("target");
        String artifact = Path.of(module).getFileName().toString();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                return files.filter(p -> {
                            String name = p.getFileName().toString();
                            return name.startsWith(artifact + "-")
                                    && name.endsWith(".jar")
                                    && !name.endsWith("-sources.jar")
                                    && !name.endsWith("-javadoc.jar")
                                    && !name.endsWith("-tests.jar")
                                    && !name.endsWith("-plain.jar");
                        })
                        .max(Comparator.comparing(p -> p.toFile().lastModified()))
                        .orElseThrow(() -> missing(module));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw missing(module);
    }

    private StackFailure missing(String module) {
        return new StackFailure("no built jar for " + module + " in "
                + repository.resolve(module).resolve("target")
                + ": build with `mvn -B -DskipTests package -pl " + BUILD_MODULES + " -am` in " + repository
                + " (or run ./peakon-ingest, which builds what is missing)");
    }

    /** Empties a directory (used for Kafka's and Mongo's data when the run does not --persist). */
    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + path, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
