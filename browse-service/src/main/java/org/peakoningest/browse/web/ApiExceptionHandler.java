package org.peakoningest.browse.web;

import com.mongodb.MongoException;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps errors to small JSON bodies {@code {"error": ..., "message": ...}} ({@link ErrorBody}; errors outside the
 * controllers reach {@link JsonErrorController} or {@link JsonErrorReportValve}). Messages name the offending parameter
 * but never echo data; a database failure is a 503 (retryable), logged without the query's values.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Map<String, String>> badRequest(BadRequestException e) {
        return body(HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    /**
     * Tomcat parses the query string when a parameter is first read and throws this for a malformed %-escape or
     * invalid UTF-8; its message holds the value, so it is neither logged nor echoed.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Map<String, String>> undecodable(InvalidParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "bad_request", "a parameter is not valid %-encoded UTF-8");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "the browse API is read-only (GET)");
    }

    @ExceptionHandler(MongoException.class)
    ResponseEntity<Map<String, String>> database(MongoException e) {
        log.warn("MongoDB unavailable or failed: {} (code {})", e.getClass().getSimpleName(), e.getCode());
        return body(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable", "MongoDB is unavailable, retry later");
    }

    private static ResponseEntity<Map<String, String>> body(HttpStatus status, String error, String message) {
        // A preset content type skips content negotiation: the CSV export's errors are JSON too.
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", error, "message", message));
    }
}
