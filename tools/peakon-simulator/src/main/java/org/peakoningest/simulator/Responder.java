package org.peakoningest.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/** How the API endpoints answer: streamed 200s and JSON:API errors, both counted in the traffic stats. */
final class Responder {

    private final PeakonSimulator sim;

    Responder(PeakonSimulator sim) {
        this.sim = sim;
    }

    /** A 200 whose body is written straight to the socket (chunked), never built in memory. */
    void stream(HttpExchange exchange, Consumer<JsonGenerator> body, Runnable served) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        sim.traffic().status(200);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16);
                JsonGenerator g = Http.JSON.createGenerator(out)) {
            body.accept(g);
            g.flush();
            // Every data byte is on the wire, only the final chunk is not: recording now means a client that has
            // read the whole response always finds it in the stats, and a client that hung up is never counted.
            served.run();
        }
    }

    void error(HttpExchange exchange, int status, String detail) throws IOException {
        sim.traffic().status(status);
        Http.error(exchange, status, detail);
    }

    /** {@code "links": {"self": ...}} for the single-page endpoints. */
    static void writeSelfLink(JsonGenerator g, String self) {
        g.writeName("links");
        g.writeStartObject();
        g.writeStringProperty("self", self);
        g.writeEndObject();
    }
}
