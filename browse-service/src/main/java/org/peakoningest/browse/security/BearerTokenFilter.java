package org.peakoningest.browse.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the configured (or generated) tokens, each with its
 * role. Every comparison is constant-time and all tokens are compared, so timing tells nothing about which one
 * nearly matched; a wrong token simply leaves the request unauthenticated, so it gets the same 401 as no credentials.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** The principal name of a token user ({@code bearer-token} or {@code bearer-token (viewer)}). */
    static final String PRINCIPAL = "bearer-token";

    private static final String PREFIX = "Bearer ";

    private final List<AccessToken> tokens;

    BearerTokenFilter(List<AccessToken> tokens) {
        this.tokens = tokens.stream().filter(t -> !t.isEmpty()).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (!tokens.isEmpty() && header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            byte[] presented = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
            AccessToken matched = null;
            for (AccessToken token : tokens) {
                if (MessageDigest.isEqual(token.value().getBytes(StandardCharsets.UTF_8), presented)) {
                    matched = token;
                }
            }
            if (matched != null) {
                String principal = matched.role() == Role.ANALYST ? PRINCIPAL : PRINCIPAL + " (viewer)";
                var auth = UsernamePasswordAuthenticationToken.authenticated(
                        principal,
                        null,
                        List.of(new SimpleGrantedAuthority(matched.role().authority())));
                SecurityContextHolder.getContext().setAuthentication(auth);
            }
        }
        chain.doFilter(request, response);
    }
}
