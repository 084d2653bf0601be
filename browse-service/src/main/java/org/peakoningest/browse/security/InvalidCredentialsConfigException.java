package org.peakoningest.browse.security;

/**
 * Fatal configuration problem with the service's credentials: the process must not start. The message names the
 * setting and never contains a secret; {@link CredentialsFailureAnalyzer} turns it into one clear line.
 */
public class InvalidCredentialsConfigException extends RuntimeException {

    public InvalidCredentialsConfigException(String message) {
        super(message);
    }
}
