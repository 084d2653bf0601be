package org.peakoningest.writer.config;

/**
 * A setting is wrong or names something unreachable: the process prints this message (one line naming the
 * environment variable, see {@link ConfigurationFailureAnalyzer}) and exits with status 2.
 */
public class ConfigurationProblem extends RuntimeException {

    public ConfigurationProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
