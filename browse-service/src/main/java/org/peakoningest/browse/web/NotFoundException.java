package org.peakoningest.browse.web;

/** The addressed resource (e.g. an employee id) does not exist: answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
