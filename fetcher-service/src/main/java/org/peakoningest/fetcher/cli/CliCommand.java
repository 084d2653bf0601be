package org.peakoningest.fetcher.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line: {@code ingest [--full-sync|--incremental] [--dry-run]} or {@code daemon} (the default).
 * Spring-style {@code --name=value} arguments are passed on to Spring untouched.
 *
 * @param fullSync overrides {@code FULL_SYNC} when present
 */
public record CliCommand(Mode mode, Optional<Boolean> fullSync, boolean dryRun, List<String> springArgs) {

    public enum Mode { INGEST, DAEMON }

    public static final String USAGE =
            "usage: fetcher [ingest [--full-sync|--incremental] [--dry-run] | daemon]";

    /** @throws IllegalArgumentException with a one-line explanation for a bad command line */
    public static CliCommand parse(String... args) {
        Mode mode = null;
        Optional<Boolean> fullSync = Optional.empty();
        boolean dryRun = false;
        List<String> spring = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "ingest" -> mode = setOnce(mode, Mode.INGEST);
                case "daemon" -> mode = setOnce(mode, Mode.DAEMON);
                case "--full-sync" -> fullSync = setFlag(fullSync, true);
                case "--incremental" -> fullSync = setFlag(fullSync, false);
                case "--dry-run" -> dryRun = true;
                default -> {
                    if (arg.startsWith("--") && arg.contains("=")) {
                        spring.add(arg);
                    } else {
                        throw new IllegalArgumentException("unknown argument '" + arg + "'; " + USAGE);
                    }
                }
            }
        }
        Mode chosen = mode == null ? Mode.DAEMON : mode;
        if (chosen == Mode.DAEMON && (fullSync.isPresent() || dryRun)) {
            throw new IllegalArgumentException("--full-sync, --incremental and --dry-run belong to 'ingest'; "
                    + USAGE);
        }
        return new CliCommand(chosen, fullSync, dryRun, List.copyOf(spring));
    }

    private static Mode setOnce(Mode current, Mode next) {
        if (current != null && current != next) {
            throw new IllegalArgumentException("choose one of 'ingest' and 'daemon'; " + USAGE);
        }
        return next;
    }

    private static Optional<Boolean> setFlag(Optional<Boolean> current, boolean value) {
        if (current.isPresent() && current.get() != value) {
            throw new IllegalArgumentException("--full-sync and --incremental exclude each other");
        }
        return Optional.of(value);
    }
}
