package org.peakoningest.browse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peakoningest.browse.ApiClient;
import org.peakoningest.browse.BrowseApiFixture;
import org.peakoningest.testsupport.PrometheusScrape;

/**
 * Browse serves {@code /actuator/prometheus} like every Actuator endpoint but health: only with credentials (the
 * monitoring profile's Prometheus sends {@code BROWSE_TOKEN}); with them, the dashboard's browse series are there
 * and count the API requests served.
 */
class PrometheusEndpointIT extends BrowseApiFixture {

    @Test
    void theEndpointNeedsCredentials() {
        assertThat(api.get("/actuator/prometheus", Map.of(), null).statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", Map.of(), "Bearer wrong").statusCode())
                .isEqualTo(401);
    }

    @Test
    void withTheTokenItServesTheNamedMetersCountingTheApiRequests() {
        assertThat(api.get("/api/runs", Map.of()).statusCode()).isEqualTo(200);

        PrometheusScrape scrape =
                PrometheusScrape.get("http://127.0.0.1:" + port + "/actuator/prometheus", "Bearer " + ApiClient.TOKEN);

        assertThat(scrape.names())
                .as("every browse series the dashboard may query")
                .containsAll(PrometheusScrape.listed("browse"));
        assertThat(scrape.value("http_server_requests_seconds_count", "uri", "/api/runs", "status", "200"))
                .isGreaterThanOrEqualTo(1);
    }
}
