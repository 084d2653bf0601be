package org.peakoningest.fetcher.auth;

/** The app token could not be exchanged for a bearer token; the message is credential-free. */
public class AuthenticationException extends RuntimeException {

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
