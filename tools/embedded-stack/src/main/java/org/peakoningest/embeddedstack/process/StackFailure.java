package org.peakoningest.embeddedstack.process;

import java.util.List;

/**
 * A part of the stack failed. Carries the failing process, so the launcher can name it, show its log path and the
 * last lines of that log.
 */
public final class StackFailure extends RuntimeException {

    private final transient ManagedProcess process;

    public StackFailure(String message, ManagedProcess process) {
        super(message);
        this.process = process;
    }

    public StackFailure(String message) {
        this(message, null);
    }

    /** The message plus, when a process is known, its log path and the tail of its log. */
    public String report(int tailLines) {
        StringBuilder out = new StringBuilder(getMessage());
        if (process != null) {
            out.append(System.lineSeparator()).append("  log: ").append(process.logFile());
            List<String> tail = process.logTail(tailLines);
            if (!tail.isEmpty()) {
                out.append(System.lineSeparator()).append("  last lines of the log:");
                tail.forEach(line ->
                        out.append(System.lineSeparator()).append("    | ").append(line));
            }
        }
        return out.toString();
    }
}
