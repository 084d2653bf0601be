package org.peakoningest.browse.security;

import jakarta.servlet.http.HttpServletRequest;
import org.peakoningest.browse.config.BrowseProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/me}: who the UI is signed in as and what that role sees, so it shows only what will be served. */
@RestController
class MeController {

    record Me(String user, String role, int minN) {}

    private final BrowseProperties properties;

    MeController(BrowseProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/api/me")
    Me me(HttpServletRequest request) {
        return new Me(request.getRemoteUser(), Role.of(request).label(), properties.minN());
    }
}
