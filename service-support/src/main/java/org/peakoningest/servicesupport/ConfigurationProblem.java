package org.peakoningest.servicesupport;

/**
 * A start-up check found a setting wrong or naming something unreachable: the process prints the message, one line
 * that starts with the environment variable ({@code MONGO_URI is unreachable (mongo:27017): …}), and exits with
 * status 2. The message must never contain a secret's value.
 */
public class ConfigurationProblem extends RuntimeException {

    public ConfigurationProblem(String variable, String problem, Throwable cause) {
        super(variable + " " + problem, cause);
    }

    public ConfigurationProblem(String variable, String problem) {
        this(variable, problem, null);
    }
}
