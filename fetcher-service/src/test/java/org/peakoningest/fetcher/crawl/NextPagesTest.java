package org.peakoningest.fetcher.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.json.ContractJson;

class NextPagesTest {

    private static final URI BASE = URI.create("https://acme.peakon.com/api/v1");
    private static final URI CURRENT = URI.create("https://acme.peakon.com/api/v1/answers/export?per_page=10");

    @Test
    void absoluteNextIsUsedAsIs() {
        assertThat(NextPages.resolve(
                        BASE, CURRENT, "https://other.peakon.com/api/v1/answers/export?continuation=a%2Bb"))
                .hasToString("https://other.peakon.com/api/v1/answers/export?continuation=a%2Bb");
    }

    @Test
    void rootRelativeNextWithTheApiPathIsNotDoubled() {
        assertThat(NextPages.resolve(BASE, CURRENT, "/api/v1/answers/export?continuation=x"))
                .hasToString("https://acme.peakon.com/api/v1/answers/export?continuation=x");
    }

    @Test
    void rootRelativeNextWithoutTheApiPathGetsIt() {
        assertThat(NextPages.resolve(BASE, CURRENT, "/answers/export?continuation=x"))
                .hasToString("https://acme.peakon.com/api/v1/answers/export?continuation=x");
    }

    @Test
    void pathRelativeAndQueryOnlyNexts() {
        assertThat(NextPages.resolve(BASE, CURRENT, "answers/export?continuation=x"))
                .hasToString("https://acme.peakon.com/api/v1/answers/export?continuation=x");
        assertThat(NextPages.resolve(BASE, CURRENT, "?per_page=10&continuation=x"))
                .hasToString("https://acme.peakon.com/api/v1/answers/export?per_page=10&continuation=x");
    }

    @Test
    void pageMetaPagingAsksForTheNextPageUntilTheLast() {
        URI employees = URI.create("https://acme.peakon.com/api/v1/employees");
        var meta = ContractJson.mapper().readTree("{\"page\":1,\"pages\":3}");
        assertThat(NextPages.byPageNumber(employees, meta, 100))
                .contains(URI.create("https://acme.peakon.com/api/v1/employees?page=2"));
        var nested = ContractJson.mapper().readTree("{\"pagination\":{\"current_page\":\"2\",\"total_pages\":3}}");
        assertThat(NextPages.byPageNumber(URI.create(employees + "?page=2"), nested, 100))
                .contains(URI.create("https://acme.peakon.com/api/v1/employees?page=3"));
        var last = ContractJson.mapper().readTree("{\"page\":3,\"pages\":3}");
        assertThat(NextPages.byPageNumber(employees, last, 100)).isEmpty();
        assertThat(NextPages.byPageNumber(employees, meta, 0))
                .as("an empty page ends the crawl")
                .isEmpty();
    }
}
