package org.peakoningest.browse.security;

/**
 * Fatal configuration problem with the service's credentials: the process must not start. The message names the
 * setting and never contains a secret; {@link CredentialsFailureAnalyzer} turns it into one clear line.
 */
final class InvalidCredentialsConfigException extends RuntimeException {

    InvalidCredentialsConfigException(String message) {
        super(message);
    }
}
