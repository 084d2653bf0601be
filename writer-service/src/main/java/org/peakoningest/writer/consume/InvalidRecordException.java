package org.peakoningest.writer.consume;

/**
 * Why a record cannot become a document (the envelope's defect, a key mismatch, a document Mongo refused). Its
 * class and message travel to the dead-letter topic in the exception headers.
 */
public class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message, null, false, false);
    }
}
