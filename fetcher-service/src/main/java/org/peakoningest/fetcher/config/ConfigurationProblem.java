package org.peakoningest.fetcher.config;

/** A fatal configuration problem found at start-up: one line naming the setting, exit status 2. */
class ConfigurationProblem extends RuntimeException {

    ConfigurationProblem(String setting, String problem, Throwable cause) {
        super(setting + " " + problem, cause);
    }
}
