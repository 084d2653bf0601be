package org.peakoningest.fetcher.crawl;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Where the next page is: {@code links.next} resolved against the base URL (absolute, root-relative with or without
 * the API path, path-relative, or query-only), else page/meta paging when {@code meta} says there are more pages.
 */
final class NextPages {

    private static final List<String> CURRENT_PAGE = List.of("page", "current_page", "currentPage", "number");
    private static final List<String> TOTAL_PAGES =
            List.of("pages", "total_pages", "totalPages", "last_page", "lastPage", "page_count", "pageCount");

    private NextPages() {}

    /**
     * Resolves a {@code links.next} value. {@code base} is the API base ({@code https://x.peakon.com/api/v1}),
     * {@code current} the page just read.
     */
    static URI resolve(URI base, URI current, String next) {
        if (next.startsWith("http://") || next.startsWith("https://")) {
            return URI.create(next);
        }
        if (next.startsWith("?")) {
            return URI.create(current.getScheme() + "://" + current.getRawAuthority() + current.getRawPath() + next);
        }
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        String apiPath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        if (next.startsWith("/")) {
            // "/api/v1/answers/export?..." already carries the API path; "/answers/export?..." does not.
            boolean carriesApiPath = !apiPath.isEmpty()
                    && (next.equals(apiPath) || next.startsWith(apiPath + "/") || next.startsWith(apiPath + "?"));
            return URI.create(origin + (carriesApiPath ? "" : apiPath) + next);
        }
        return URI.create(origin + apiPath + "/" + next);
    }

    /**
     * The next page by page number when {@code meta} (or {@code meta.page} / {@code meta.pagination}) reports a
     * current page below the total, e.g. {@code {"page": 1, "pages": 3}}.
     */
    static Optional<URI> byPageNumber(URI current, JsonNode meta, int itemsOnPage) {
        if (itemsOnPage == 0) {
            return Optional.empty();
        }
        for (JsonNode candidate : List.of(meta, meta.path("page"), meta.path("pagination"))) {
            Optional<Long> page = firstNumber(candidate, CURRENT_PAGE);
            Optional<Long> pages = firstNumber(candidate, TOTAL_PAGES);
            if (page.isPresent() && pages.isPresent()) {
                if (page.get() >= pages.get()) {
                    return Optional.empty();
                }
                return Optional.of(UriComponentsBuilder.fromUri(current)
                        .replaceQueryParam("page", page.get() + 1)
                        .build(true)
                        .toUri());
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> firstNumber(JsonNode node, List<String> names) {
        // path() of anything but an object is a missing node: no number
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isIntegralNumber()) {
                return Optional.of(value.longValue());
            }
            if (value.isString() && value.stringValue().matches("\\d+")) {
                return Optional.of(Long.parseLong(value.stringValue()));
            }
        }
        return Optional.empty();
    }
}
