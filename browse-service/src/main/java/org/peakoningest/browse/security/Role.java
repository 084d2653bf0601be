package org.peakoningest.browse.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * What a signed-in user may see. {@code analyst}: everything (individual answers, comments, emails, people
 * details). {@code viewer}: aggregates only, each one withheld under {@code BROWSE_MIN_N} respondents and protected
 * against differencing (docs/browse.md, "Anonymity").
 */
public enum Role {
    ANALYST,
    VIEWER;

    /** The Spring Security authority of the role ({@code ROLE_ANALYST}). */
    String authority() {
        return "ROLE_" + name();
    }

    /** As written in {@code BROWSE_USERS} and shown by {@code /api/me}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role of the request's user: a viewer unless the user holds the analyst role, so a request that somehow
     * carries neither sees the least.
     */
    public static Role of(HttpServletRequest request) {
        return request.isUserInRole(ANALYST.name()) ? ANALYST : VIEWER;
    }

    static Role parse(String label) {
        for (Role role : values()) {
            if (role.label().equals(label)) {
                return role;
            }
        }
        return null;
    }
}
