package org.peakoningest.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.deployment.Repository.ROOT;

import java.io.IOException;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's "Map of the tree" is what a newcomer reads first, so it must not drift from the code: every
 * reactor module and every package of main code is in it, and everything in it exists.
 */
class ArchitectureMapTest {

    /** A map line: its indentation, the entry, and the rest (a module line starts the rest with its base package). */
    private static final Pattern ENTRY = Pattern.compile("^([│ ]*)[├└]── (\\S+)\\s*(.*)$");

    private static final Pattern BASE_PACKAGE = Pattern.compile("^(org\\.peakoningest\\.[a-z.]+):");

    /** The modules in the map (relative paths, no trailing slash), each with its base package and its packages. */
    private static Map<String, MappedModule> map;

    record MappedModule(String basePackage, Set<String> packages) {}

    @BeforeAll
    static void readMap() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/architecture.md"));
        int heading = doc.indexOf("## Map of the tree");
        assertThat(heading)
                .as("docs/architecture.md has a section 'Map of the tree'")
                .isNotNegative();
        int start = doc.indexOf("```text\n", heading);
        int end = doc.indexOf("```", start + 8);
        assertThat(start).as("the map is a ```text block").isPositive();
        map = new LinkedHashMap<>();
        List<String> directories = new ArrayList<>(); // directories[depth] = the open directory at that depth
        String module = null;
        for (String line : doc.substring(start + 8, end).split("\n")) {
            Matcher m = ENTRY.matcher(line);
            if (!m.matches()) {
                continue; // the root line
            }
            int depth = m.group(1).length() / 4;
            String name = m.group(2);
            if (name.endsWith("/")) {
                while (directories.size() > depth) {
                    directories.remove(directories.size() - 1);
                }
                directories.add(name.substring(0, name.length() - 1));
                module = String.join("/", directories);
                Matcher base = BASE_PACKAGE.matcher(m.group(3));
                map.put(module, new MappedModule(base.find() ? base.group(1) : null, new TreeSet<>()));
            } else {
                assertThat(module)
                        .as("package %s is listed under a module", name)
                        .isNotNull();
                MappedModule owner = map.get(module);
                assertThat(owner.basePackage())
                        .as("module %s names its base package before listing %s", module, name)
                        .isNotNull();
                owner.packages().add(name.startsWith("org.") ? name : owner.basePackage() + "." + name);
            }
        }
    }

    @Test
    void everyReactorModuleIsInTheMapAndNothingElse() throws IOException {
        assertThat(map.keySet()).containsExactlyInAnyOrderElementsOf(Repository.reactorModules());
    }

    @Test
    void everyPackageOfMainCodeIsInTheMapAndEveryMappedPackageExists() throws IOException {
        for (Map.Entry<String, MappedModule> entry : map.entrySet()) {
            String module = entry.getKey();
            MappedModule mapped = entry.getValue();
            Set<String> actual = mainPackages(ROOT.resolve(module).resolve("src/main/java"));
            if (mapped.basePackage() == null) {
                assertThat(actual)
                        .as("module %s has main code, so the map names its base package", module)
                        .isEmpty();
                continue;
            }
            for (String pkg : actual) {
                boolean covered = pkg.equals(mapped.basePackage())
                        || mapped.packages().stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
                assertThat(covered)
                        .as("package %s of %s is in the map", pkg, module)
                        .isTrue();
            }
            for (String pkg : mapped.packages()) {
                boolean exists = actual.stream().anyMatch(a -> a.equals(pkg) || a.startsWith(pkg + "."));
                assertThat(exists)
                        .as("mapped package %s exists in %s", pkg, module)
                        .isTrue();
            }
            assertThat(actual)
                    .as("module %s's base package %s holds code", module, mapped.basePackage())
                    .anyMatch(a -> a.equals(mapped.basePackage()) || a.startsWith(mapped.basePackage() + "."));
        }
    }

    /** Packages (dotted) that hold at least one .java file under {@code sources}. */
    private static Set<String> mainPackages(Path sources) throws IOException {
        if (!Files.isDirectory(sources)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> sources.relativize(f.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
