package org.peakoningest.browse.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on an error no servlet answered: a request its parser rejected before any servlet or filter ran
 * (an illegal character such as {@code [} or {@code $} in the query, a request line or header over
 * {@code server.max-http-request-header-size}). Tomcat's own {@link ErrorReportValve} writes an HTML page (and its
 * {@code JsonErrorReportValve} a different JSON with the exception); this one writes the service's {@link ErrorBody}
 * with a generic message. Installed as the host's error report valve by {@link TomcatErrors}; public with a public
 * constructor because Tomcat instantiates it by class name.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // The same guards as Tomcat's valves: an error status, nothing written yet, reported once, I/O still allowed.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ErrorBody.json(status, ErrorBody.defaultMessage(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was closed meanwhile: nothing left to tell it
        }
    }
}
