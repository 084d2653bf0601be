package org.peakoningest.browse.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.peakoningest.browse.web.ErrorBody;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the {@link LoginThrottle} in front of authentication. A request with an {@code Authorization} header whose
 * user name or client address is locked gets 429 with {@code Retry-After}, its credentials unchecked, so even the
 * right password does not tell a guesser it was right. Otherwise authentication runs, and its outcome counts: a 401
 * is a failed login (against the address, and the user name of a Basic header), anything else a successful one.
 * Requests without credentials (the UI shell, the health check) are never throttled.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String user = basicUser(authorization);
        String address = request.getRemoteAddr();
        long retryAfter = throttle.retryAfterSeconds(user, address);
        if (retryAfter > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            ErrorBody.write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS.value(),
                    "too many failed logins: retry in " + retryAfter + " seconds");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(user, address);
        } else {
            throttle.succeeded(user);
        }
    }

    /** The user name of a Basic header (as Spring Security's {@code BasicAuthenticationConverter} reads it), or null. */
    static String basicUser(String authorization) {
        if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
