package org.peakoningest.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository these checks read: its root (the tests run in tools/deployment-tests) and its reactor. */
final class Repository {

    static final Path ROOT = Path.of("..", "..");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Repository() {}

    /** Every reactor module, as a path relative to the root (nested aggregators and their modules included). */
    static List<String> reactorModules() throws IOException {
        return reactorModules(Path.of(""));
    }

    private static List<String> reactorModules(Path aggregator) throws IOException {
        Matcher modules =
                MODULE.matcher(Files.readString(ROOT.resolve(aggregator).resolve("pom.xml")));
        List<String> all = new ArrayList<>();
        while (modules.find()) {
            Path module = aggregator.resolve(modules.group(1));
            all.add(module.toString());
            all.addAll(reactorModules(module));
        }
        return all;
    }
}
