package org.peakoningest.writer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The writer's command line: no argument or {@code run} = the long-running consumer service;
 * {@code replay --target-db <db> [--group <id>]} = rebuild a database from the topics and exit. Other
 * {@code --name=value} arguments are passed to Spring (e.g. {@code --spring.kafka.bootstrap-servers=...}).
 *
 * @param springArgs the arguments for Spring, including what the mode itself sets
 */
public record Command(Mode mode, String targetDb, String group, List<String> springArgs) {

    public enum Mode { RUN, REPLAY, HELP }

    public static final String USAGE = """
            usage: writer-service [run]                                  consume the topics into MONGO_DB (default)
                   writer-service replay --target-db <db> [--group <id>]  rebuild <db> from the topics, then exit
            """;

    /** MongoDB's database-name rules: no / \\ . " $ * < > : | ? or space, at most 63 bytes. */
    private static final Pattern DATABASE = Pattern.compile("[^/\\\\. \"$*<>:|?]{1,63}");

    /** @throws IllegalArgumentException with a one-line explanation when the arguments make no sense */
    public static Command parse(String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        String verb = rest.isEmpty() || rest.get(0).startsWith("--") && !isHelp(rest.get(0)) ? "run" : rest.remove(0);
        if (isHelp(verb)) {
            return new Command(Mode.HELP, null, null, List.of());
        }
        String targetDb = null;
        String group = null;
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.equals("--target-db") || arg.equals("--group")) {
                if (i + 1 >= rest.size() || rest.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = rest.get(++i);
                if (arg.equals("--target-db")) {
                    targetDb = value;
                } else {
                    group = value;
                }
            } else if (arg.startsWith("--target-db=")) {
                targetDb = arg.substring("--target-db=".length());
            } else if (arg.startsWith("--group=")) {
                group = arg.substring("--group=".length());
            } else if (arg.startsWith("--") && arg.contains("=")) {
                spring.add(arg);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
        }
        return switch (verb) {
            case "run" -> {
                if (targetDb != null || group != null) {
                    throw new IllegalArgumentException("--target-db and --group belong to the replay command");
                }
                yield new Command(Mode.RUN, null, null, List.copyOf(spring));
            }
            case "replay" -> replay(targetDb, group, spring);
            default -> throw new IllegalArgumentException("unknown command '" + verb + "'");
        };
    }

    private static Command replay(String targetDb, String group, List<String> spring) {
        if (targetDb == null || targetDb.isBlank()) {
            throw new IllegalArgumentException("replay needs --target-db <database>");
        }
        if (!DATABASE.matcher(targetDb).matches()) {
            throw new IllegalArgumentException("--target-db '" + targetDb + "' is not a valid MongoDB database name");
        }
        if (group != null && group.isBlank()) {
            throw new IllegalArgumentException("--group must not be blank");
        }
        String groupId = group != null ? group : "peakon-writer-replay-" + System.currentTimeMillis();
        List<String> args = new ArrayList<>(spring);
        args.add("--peakon.writer.replay.enabled=true");
        args.add("--peakon.writer.replay.generated-group=" + (group == null));
        args.add("--peakon.writer.group-id=" + groupId);
        args.add("--spring.mongodb.database=" + targetDb);
        args.add("--spring.main.web-application-type=none");
        return new Command(Mode.REPLAY, targetDb, groupId, List.copyOf(args));
    }

    private static boolean isHelp(String arg) {
        return arg.equals("help") || arg.equals("--help") || arg.equals("-h");
    }
}
