package org.peakoningest.browse.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code BasicErrorController} (which backs off when an {@link ErrorController} exists): every
 * error Tomcat forwards to {@code /error} — Spring MVC's 404/405/406, Spring Security's 403, an exception no handler
 * took (500) — gets the one {@link ErrorBody}, as JSON whatever the client accepts (no whitelabel HTML page), with a
 * generic message: never the exception's text, the request's path or a stack trace.
 */
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Map<String, String>> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code
                : 404;
        // A preset content type skips content negotiation, so even "Accept: image/png" (a 406) gets this JSON.
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", ErrorBody.code(status), "message", ErrorBody.defaultMessage(status)));
    }
}
