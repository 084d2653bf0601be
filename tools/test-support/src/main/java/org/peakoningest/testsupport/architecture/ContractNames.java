package org.peakoningest.testsupport.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * "Only {@code common} spells topic and collection names": a source check, because a name is a string constant that
 * the compiler inlines and no bytecode rule can see. Every string literal in a module's production sources (Java and
 * its Spring configuration) is compared with the contract's names; a literal that is one of them, or a topic built
 * from one ({@code "<prefix>.<name>"}, {@code "<name>.DLT"}), is reported with its file and line. A line that uses
 * the same word for something else says so with the comment {@value #NOT_A_NAME}.
 */
public final class ContractNames {

    /** Marks a line whose literal is the same word as a collection but means something else. */
    public static final String NOT_A_NAME = "// not a collection name";

    private static final Pattern JAVA_STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern YAML_VALUE = Pattern.compile(":\\s*['\"]?([^'\"#\\s]+)");

    /** The classes of {@code common} that declare the names: the data collections, the others, the topics. */
    private static final List<String> DECLARING =
            List.of("PeakonCollection.java", "MongoCollections.java", "TopicNames.java");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]*_[a-z_]*|[a-z]+s");

    private ContractNames() {}

    /**
     * The names {@code common} declares: every string literal shaped like a collection name ({@code answers_export},
     * {@code employees}, {@code run_events}...) in its {@code PeakonCollection}, {@code MongoCollections} and
     * {@code TopicNames}, read from their sources so this list can never fall behind the contract.
     */
    public static List<String> declaredBy(Path commonModule) {
        Path sources = commonModule.resolve("src/main/java/org/peakoningest/common");
        List<String> names = new ArrayList<>();
        for (String file : DECLARING) {
            try {
                Matcher m = JAVA_STRING.matcher(Files.readString(sources.resolve(file)));
                while (m.find()) {
                    if (NAME.matcher(m.group(1)).matches()) {
                        names.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " of " + commonModule.toAbsolutePath(), e);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no contract names found in " + sources.toAbsolutePath());
        }
        return names;
    }

    /**
     * The places in {@code module}'s {@code src/main} that spell one of {@code names}, as {@code file:line: text};
     * empty when there are none.
     */
    public static List<String> spelledIn(Path module, Collection<String> names) {
        Path main = module.resolve("src/main");
        if (!Files.isDirectory(main)) {
            throw new IllegalArgumentException("no src/main in " + module.toAbsolutePath());
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String fileName = file.getFileName().toString();
                Pattern literal = fileName.endsWith(".java")
                        ? JAVA_STRING
                        : fileName.endsWith(".yml") || fileName.endsWith(".yaml") || fileName.endsWith(".properties")
                                ? YAML_VALUE
                                : null;
                if (literal != null) {
                    scan(module, file, literal, names, found);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static void scan(Path module, Path file, Pattern literal, Collection<String> names, List<String> found)
            throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("*")
                    || line.startsWith("/*")
                    || line.startsWith("//")
                    || line.startsWith("#")
                    || line.endsWith(NOT_A_NAME)) {
                continue; // documentation may name a collection
            }
            Matcher m = literal.matcher(line);
            while (m.find()) {
                if (namesOne(m.group(1), names)) {
                    found.add(module.relativize(file) + ":" + (i + 1) + ": " + m.group(1));
                }
            }
        }
    }

    private static boolean namesOne(String text, Collection<String> names) {
        for (String name : names) {
            if (text.equals(name) || text.endsWith("." + name) || text.endsWith(name + ".DLT")) {
                return true;
            }
        }
        return false;
    }
}
