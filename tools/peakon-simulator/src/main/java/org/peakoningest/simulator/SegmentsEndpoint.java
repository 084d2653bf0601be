package org.peakoningest.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code GET /segments}: the reference's filters ({@code filter[type]}, {@code filter[attributeId]},
 * {@code filter[managerId]}, {@code filter[direct]}), then page paging like {@code /employees} ({@code page} from 1,
 * {@code per_page} default 50, clamped to 100), with {@code links.next} an absolute URL (null on the last page) that
 * repeats the filters. {@code included} holds the {@code attributes} the page's segments refer to.
 */
final class SegmentsEndpoint {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;
    private static final List<String> FILTERS =
            List.of("filter[type]", "filter[attributeId]", "filter[managerId]", "filter[direct]");

    private final PeakonSimulator sim;
    private final Responder respond;

    SegmentsEndpoint(PeakonSimulator sim, Responder respond) {
        this.sim = sim;
        this.respond = respond;
    }

    void handle(HttpExchange exchange, Map<String, String> query, String base) throws IOException {
        Predicate<Segments.Segment> filter;
        int page;
        int perPage;
        try {
            filter = filter(query);
            page = Integer.parseInt(query.getOrDefault("page", "1").trim());
            perPage = Integer.parseInt(
                    query.getOrDefault("per_page", "" + DEFAULT_PER_PAGE).trim());
        } catch (NumberFormatException e) {
            respond.error(exchange, 400, "page and per_page must be integers");
            return;
        } catch (IllegalArgumentException e) {
            respond.error(exchange, 400, e.getMessage());
            return;
        }
        if (page < 1 || perPage < 1) {
            respond.error(exchange, 422, "page and per_page must be >= 1");
            return;
        }
        int size = Math.min(perPage, MAX_PER_PAGE);
        List<Segments.Segment> matching =
                sim.segments().all().stream().filter(filter).toList();
        int from = (int) Math.min(matching.size(), (long) (page - 1) * size);
        List<Segments.Segment> onPage = matching.subList(from, Math.min(matching.size(), from + size));
        StringBuilder url = new StringBuilder(base).append("/segments?");
        for (String name : FILTERS) {
            if (query.containsKey(name)) {
                url.append(Http.encode(name))
                        .append('=')
                        .append(Http.encode(query.get(name)))
                        .append('&');
            }
        }
        url.append("per_page=").append(size).append("&page=");
        String next = from + size < matching.size() ? url.toString() + (page + 1) : null;
        Map<Long, Segments.Attribute> included = new TreeMap<>();
        onPage.stream()
                .filter(s -> s.attribute() != null)
                .forEach(s -> included.put(s.attribute().id(), s.attribute()));
        respond.stream(
                exchange,
                g -> {
                    g.writeStartObject();
                    g.writeName("data");
                    g.writeStartArray();
                    onPage.forEach(s -> Segments.write(g, s));
                    g.writeEndArray();
                    g.writeName("included");
                    g.writeStartArray();
                    included.values().forEach(a -> Segments.writeAttribute(g, a));
                    g.writeEndArray();
                    g.writeName("links");
                    g.writeStartObject();
                    g.writeStringProperty("self", url.toString() + page);
                    g.writeStringProperty("first", url.toString() + 1);
                    g.writeStringProperty("next", next);
                    g.writeEndObject();
                    g.writeEndObject();
                },
                () -> sim.traffic().segmentsServed(onPage));
    }

    /** The reference's filters; a value of the wrong type is an {@link IllegalArgumentException} (a 400). */
    private static Predicate<Segments.Segment> filter(Map<String, String> query) {
        Predicate<Segments.Segment> all = s -> true;
        String type = query.get("filter[type]");
        if (type != null) {
            String wanted = type.trim().toLowerCase(Locale.ROOT);
            all = all.and(s -> s.type().equals(wanted));
        }
        String attributeId = query.get("filter[attributeId]");
        if (attributeId != null) {
            long id = number("filter[attributeId]", attributeId);
            all = all.and(s -> s.attribute() != null && s.attribute().id() == id);
        }
        String managerId = query.get("filter[managerId]");
        if (managerId != null) {
            long id = number("filter[managerId]", managerId);
            all = all.and(s -> s.manager() != null && s.manager().id() == id);
        }
        String direct = query.get("filter[direct]");
        if (direct != null) {
            boolean wanted = switch (direct.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw new IllegalArgumentException("filter[direct] must be true or false");
            };
            all = all.and(s -> s.direct() == wanted);
        }
        return all;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
    }
}
