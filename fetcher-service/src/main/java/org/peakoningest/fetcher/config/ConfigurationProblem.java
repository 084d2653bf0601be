package org.peakoningest.fetcher.config;

/**
 * A fatal configuration problem: the process prints {@link #getMessage()} (one line naming the setting) and exits
 * with status 2.
 */
public class ConfigurationProblem extends RuntimeException {

    private final String setting;

    public ConfigurationProblem(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    public ConfigurationProblem(String setting, String problem, Throwable cause) {
        super(setting + " " + problem, cause);
        this.setting = setting;
    }

    /** The environment variable at fault. */
    public String setting() {
        return setting;
    }
}
