package org.peakoningest.browse.security;

import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.servicesupport.ConfigurationProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Nothing under {@code /api/} is served without credentials: HTTP Basic users from {@code BROWSE_USERS} (each with a
 * role), the analyst bearer token from {@code BROWSE_TOKEN} (or a generated one) and the viewer token from
 * {@code BROWSE_VIEWER_TOKEN}. With none configured the service refuses to start. Individual answers and people's
 * details need the analyst role; a viewer gets a 403 there (and aggregates elsewhere, see the anonymity package).
 *
 * <p>The static UI bundle (HTML/JS/CSS, no data) and {@code /actuator/health} (status only) are public so the login
 * prompt can load and orchestrators can probe; every byte of data comes from {@code /api/}. Stateless: no session, no cookie, hence no CSRF token to manage. Only GET is served.
 */
@Configuration
class BrowseSecurity {

    private static final String REALM = "peakon-browse";

    @Bean
    AccessToken accessToken(BrowseProperties properties) {
        Credentials users = Credentials.parse(properties.users());
        if (!properties.viewerToken().isEmpty() && properties.viewerToken().equals(properties.token())) {
            throw new ConfigurationProblem(
                    "BROWSE_VIEWER_TOKEN",
                    "is the same as BROWSE_TOKEN: a viewer would be an analyst; set another one");
        }
        if (!properties.token().isEmpty()) {
            return new AccessToken(properties.token(), false, Role.ANALYST);
        }
        if (properties.generateToken() && users.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Printed once on stdout (not through the logger) so the operator of the embedded default can log in.
            System.out.println("browse-service: generated bearer token (valid until restart): " + token);
            return new AccessToken(token, true, Role.ANALYST);
        }
        if (users.isEmpty() && properties.viewerToken().isEmpty()) {
            throw new ConfigurationProblem(
                    "BROWSE_USERS",
                    "and BROWSE_TOKEN are both empty: set one (or "
                            + "BROWSE_GENERATE_TOKEN=true for a generated token); personal data is never served anonymously");
        }
        return new AccessToken("", false, Role.ANALYST);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Always defined (possibly empty) so Spring Boot never creates its default user with a logged password. */
    @Bean
    InMemoryUserDetailsManager userDetailsService(BrowseProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        Credentials.parse(properties.users())
                .users()
                .forEach((name, user) -> users.add(User.withUsername(name)
                        .password(
                                Credentials.isEncoded(user.password())
                                        ? user.password()
                                        : encoder.encode(user.password()))
                        .authorities(user.role().authority())
                        .build()));
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessToken token, BrowseProperties properties)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setStatus(401);
            // A Bearer challenge (not Basic) so browsers never pop up their own login dialog over the UI's.
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream()
                    .write("{\"error\":\"unauthorized\",\"message\":\"credentials required\"}"
                            .getBytes(StandardCharsets.UTF_8));
        };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            AuditLog.denied(request);
            response.setStatus(403);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream()
                    .write(
                            "{\"error\":\"forbidden\",\"message\":\"individual answers and people's details need the analyst role\"}"
                                    .getBytes(StandardCharsets.UTF_8));
        };
        http.csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(properties.corsOrigin().isEmpty() ? c -> c.disable() : Customizer.withDefaults())
                .httpBasic(b -> b.realmName(REALM).authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(
                        new BearerTokenFilter(
                                List.of(token, new AccessToken(properties.viewerToken(), false, Role.VIEWER))),
                        BasicAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "frame-ancestors 'none'; form-action 'none'; base-uri 'none'")))
                .authorizeHttpRequests(a -> a
                        // Boot's error page carries status and path only; it must render for any rejected request.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**")
                        .permitAll()
                        // status only (UP/DOWN, no details): for load balancers and the compose healthcheck
                        .requestMatchers(HttpMethod.GET, "/actuator/health")
                        .permitAll()
                        // Individual answers, comments, emails and people's details: analysts only (viewers see
                        // aggregates; the facets, listed before the catch-all of /api/employees/*, are aggregates).
                        .requestMatchers(HttpMethod.GET, "/api/employees/facets")
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/answers",
                                "/api/answers/export.csv",
                                "/api/employees",
                                "/api/employees/*")
                        .hasRole(Role.ANALYST.name())
                        .requestMatchers("/api/**", "/actuator/**")
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico", "/favicon.svg")
                        .permitAll()
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    /** Only consulted when {@code BROWSE_CORS_ORIGIN} is set: that one origin, GET only, auth header allowed. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(BrowseProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsOrigin().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(List.of(properties.corsOrigin()));
            cors.setAllowedMethods(List.of("GET"));
            cors.setAllowedHeaders(List.of("Authorization", "Accept"));
            cors.setExposedHeaders(List.of("Content-Disposition"));
            cors.setAllowCredentials(false);
            cors.setMaxAge(600L);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }
}
