package org.peakoningest.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * {@code POST /auth/application}: JSON {@code {"token": ..., "persists": ...}} or a form {@code token=...}; the
 * configured app token gets a {@code bearer_tokens} resource whose {@code data.id} is the JWT, anything else 404.
 */
final class AuthEndpoint {

    private final PeakonSimulator sim;

    AuthEndpoint(PeakonSimulator sim) {
        this.sim = sim;
    }

    void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(64 * 1024);
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String token = null;
        boolean persists = false;
        if (contentType.contains("application/x-www-form-urlencoded")) {
            token = Http.query(new String(body, StandardCharsets.UTF_8)).get("token");
        } else if (body.length > 0) {
            try (JsonParser p = Http.JSON.createParser(body)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String name = p.currentName();
                        JsonToken value = p.nextToken();
                        if (name.equals("token") && value == JsonToken.VALUE_STRING) {
                            token = p.getString();
                        } else if (name.equals("persists")) {
                            persists = value == JsonToken.VALUE_TRUE;
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            } catch (JacksonException notJson) {
                error(exchange, 400, "Body is neither JSON nor a form");
                return;
            }
        }
        if (token == null) {
            token = Http.query(exchange.getRequestURI().getRawQuery()).get("token");
        }
        if (token == null || token.isBlank()) {
            error(exchange, 400, "token is required");
            return;
        }
        if (!token.equals(sim.config().appToken())) {
            error(exchange, 404, "The application integration with token string cannot be found");
            return;
        }
        BearerTokens.Issued issued = sim.tokens().issue();
        boolean persistent = persists;
        sim.traffic().status(200);
        Http.json(exchange, 200, g -> {
            g.writeStartObject();
            g.writeName("data");
            g.writeStartObject();
            g.writeStringProperty("type", "bearer_tokens");
            g.writeStringProperty("id", issued.jwt());
            g.writeName("attributes");
            g.writeStartObject();
            g.writeBooleanProperty("persists", persistent);
            g.writeNumberProperty("issuedAt", issued.issuedAtSeconds());
            if (issued.expiresAtSeconds() == null) {
                g.writeNullProperty("expiresAt");
            } else {
                g.writeNumberProperty("expiresAt", issued.expiresAtSeconds());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private void error(HttpExchange exchange, int status, String detail) throws IOException {
        sim.traffic().status(status);
        Http.error(exchange, status, detail);
    }
}
