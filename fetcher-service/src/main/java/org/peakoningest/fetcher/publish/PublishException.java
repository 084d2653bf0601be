package org.peakoningest.fetcher.publish;

/** Kafka did not acknowledge a record. */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
