package org.peakoningest.browse.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The browse service's own settings, mapped from {@code BROWSE_*} environment variables in {@code application.yml}.
 *
 * @param users         {@code BROWSE_USERS}: comma-separated {@code name:password[:role]} entries (role {@code analyst},
 *                      the default, or {@code viewer}); a password may carry a Spring Security encoding prefix such
 *                      as {@code {bcrypt}}
 * @param token         {@code BROWSE_TOKEN}: a static bearer token with the analyst role
 * @param viewerToken   {@code BROWSE_VIEWER_TOKEN}: a static bearer token with the viewer role (e.g. for a dashboard)
 * @param generateToken {@code BROWSE_GENERATE_TOKEN}: with no users and no token, generate a token and print it once
 * @param corsOrigin    {@code BROWSE_CORS_ORIGIN}: the one origin allowed to call the API cross-origin (empty: none)
 * @param minN          {@code BROWSE_MIN_N}: fewest distinct respondents behind any average or count over people
 * @param maxLimit      {@code BROWSE_MAX_LIMIT}: largest page size a client may ask for
 * @param departmentAttribute    {@code BROWSE_DEPARTMENT_ATTRIBUTE}: the employee attribute holding the department
 * @param subDepartmentAttribute {@code BROWSE_SUB_DEPARTMENT_ATTRIBUTE}: the one holding the sub-department
 */
@Validated
@ConfigurationProperties("browse")
public record BrowseProperties(
        String users,
        String token,
        String viewerToken,
        boolean generateToken,
        String corsOrigin,
        @Min(1) @Max(1000) int minN,
        @Min(10) @Max(10_000) int maxLimit,
        @Pattern(regexp = ATTRIBUTE) String departmentAttribute,
        @Pattern(regexp = ATTRIBUTE) String subDepartmentAttribute) {

    /** Company attribute names become Mongo field names: no dots, no {@code $}. */
    private static final String ATTRIBUTE = "[A-Za-z0-9 _-]{1,64}";

    public BrowseProperties {
        users = users == null ? "" : users.trim();
        token = token == null ? "" : token.trim();
        viewerToken = viewerToken == null ? "" : viewerToken.trim();
        corsOrigin = corsOrigin == null ? "" : corsOrigin.trim();
    }
}
