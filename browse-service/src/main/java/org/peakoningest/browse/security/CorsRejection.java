package org.peakoningest.browse.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.peakoningest.browse.web.ErrorBody;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

/**
 * A refused cross-origin request (an origin other than {@code BROWSE_CORS_ORIGIN}) is a 403 with the service's one
 * error body, not Spring's plain-text "Invalid CORS request". Spring Security's {@code cors()} uses the bean named
 * {@code corsFilter} when there is one; it runs inside the security chain only, not a second time as a servlet
 * filter.
 */
@Configuration
class CorsRejection {

    @Bean
    CorsFilter corsFilter(CorsConfigurationSource corsConfigurationSource) {
        CorsFilter filter = new CorsFilter(corsConfigurationSource);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
                response.getBody()
                        .write(ErrorBody.json(403, "cross-origin request from an origin that is not allowed")
                                .getBytes(StandardCharsets.UTF_8));
                response.flush();
            }
        });
        return filter;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterOutsideTheSecurityChain(CorsFilter corsFilter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }
}
