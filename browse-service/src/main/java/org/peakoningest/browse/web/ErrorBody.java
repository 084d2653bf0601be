package org.peakoningest.browse.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error body of the service, {@code {"error": "<status as snake_case>", "message": "<what to do>"}}, for
 * every 4xx and 5xx: controller errors ({@link ApiExceptionHandler}), Spring MVC's and Spring Security's rejections
 * ({@link JsonErrorController}), Tomcat's own ({@link JsonErrorReportValve}) and the login throttle. The message is
 * ours, never an exception's text or a value the client sent.
 */
public final class ErrorBody {

    private ErrorBody() {}

    /** {@code not_found}, {@code method_not_allowed}, {@code too_many_requests} … ({@code error} when unknown). */
    static String code(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "error" : known.name().toLowerCase(Locale.ROOT);
    }

    /** A generic message for a status, for errors that carry no message of ours. */
    static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "malformed request: check its characters, %-escapes, parameters and size";
            case 401 -> "credentials required";
            case 403 -> "access denied";
            case 404 -> "no such resource";
            case 405 -> "the browse API is read-only (GET)";
            case 406 -> "the API answers application/json (the answers export text/csv)";
            case 413, 414, 431 -> "the request is too large";
            case 415 -> "unsupported content type";
            case 429 -> "too many requests, retry later";
            case 503 -> "the service is unavailable, retry later";
            default -> status >= 500 ? "internal error (logged by the service)" : "the request was refused";
        };
    }

    /** The body as JSON text. */
    public static String json(int status, String message) {
        return JsonMapper.shared().writeValueAsString(Map.of("error", code(status), "message", message));
    }

    /** Writes status and body to a response nothing has been written to yet (a filter answering by itself). */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, message));
    }
}
