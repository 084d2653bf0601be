package org.peakoningest.embeddedstack.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one child JVM: either {@code java -jar <jar>} or {@code java -cp <classpath> <main class>}, with JVM
 * options, arguments and the environment variables that configure it (the same names as the compose stack).
 */
public record JavaCommand(
        String name,
        List<String> jvmOptions,
        List<String> launchTarget,
        List<String> arguments,
        Map<String, String> environment) {

    public JavaCommand {
        Objects.requireNonNull(name, "name");
        jvmOptions = List.copyOf(jvmOptions);
        launchTarget = List.copyOf(launchTarget);
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    public static JavaCommand jar(String name, Path jar) {
        return new JavaCommand(name, List.of(), List.of("-jar", jar.toString()), List.of(), Map.of());
    }

    public static JavaCommand mainClass(String name, String classpath, String mainClass) {
        return new JavaCommand(name, List.of(), List.of("-cp", classpath, mainClass), List.of(), Map.of());
    }

    public JavaCommand withJvmOptions(String... options) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(List.of(options));
        return new JavaCommand(name, all, launchTarget, arguments, environment);
    }

    public JavaCommand withArguments(List<String> more) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(more);
        return new JavaCommand(name, jvmOptions, launchTarget, all, environment);
    }

    public JavaCommand withArguments(String... more) {
        return withArguments(List.of(more));
    }

    public JavaCommand withEnvironment(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.putAll(more);
        return new JavaCommand(name, jvmOptions, launchTarget, arguments, all);
    }

    /** The full command line, starting with the java executable of the running JVM. */
    public List<String> commandLine() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launchTarget);
        command.addAll(arguments);
        return command;
    }
}
