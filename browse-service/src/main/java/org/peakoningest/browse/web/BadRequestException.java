package org.peakoningest.browse.web;

/** A request parameter the API refuses: answered with 400 and this message (which names the parameter). */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
