package org.peakoningest.writer.config;

/**
 * A setting is wrong or names something unreachable: the process exits with status 2 and prints this message (one
 * line naming the environment variable) instead of a stack trace.
 */
public class ConfigurationProblem extends RuntimeException {

    public ConfigurationProblem(String message) {
        super(message);
    }

    public ConfigurationProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
