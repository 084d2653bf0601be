package org.peakoningest.browse.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One audit line per API request, on the logger {@code browse.audit}: who (user and role), which endpoint (its route,
 * e.g. {@code /api/employees/{id}}, never the id), the status, and which filters. Never the data, and never a value
 * that can name a person: the values of {@link #PERSONAL} parameters (free text, employee and manager ids) are
 * written as {@code <set>}; the structural ones (department, dates, paging) as given, shortened.
 */
@Configuration
class AuditLog implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger audit = LoggerFactory.getLogger("browse.audit");

    /** Parameters whose values are personal data or free text: only their presence is logged. */
    static final Set<String> PERSONAL = Set.of("q", "employeeId", "manager", "focus", "id");

    private static final int MAX_VALUE = 60;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        audit.info(
                "user={} role={} {} {} status={} filters={}",
                request.getRemoteUser(),
                Role.of(request).label(),
                request.getMethod(),
                route == null ? "(no route)" : route,
                response.getStatus(),
                filters(request.getParameterMap()));
    }

    /** The audit line of a request refused for its role (Spring Security answers it before any handler runs). */
    static void denied(HttpServletRequest request) {
        audit.info(
                "user={} role={} {} {} status=403 filters={}",
                request.getRemoteUser(),
                Role.of(request).label(),
                request.getMethod(),
                route(request.getRequestURI()),
                filters(request.getParameterMap()));
    }

    /** The path with what may be an employee id (the segment after /api/employees/) replaced by {id}. */
    private static String route(String path) {
        return path.matches("/api/employees/[^/]+") && !path.equals("/api/employees/facets")
                ? "/api/employees/{id}"
                : safe(path);
    }

    /** The parameters as they may be logged: personal values masked, others cut short and free of control chars. */
    static Map<String, String> filters(Map<String, String[]> parameters) {
        Map<String, String> out = new TreeMap<>();
        parameters.forEach((name, values) -> {
            String key = safe(name);
            if (PERSONAL.contains(name)) {
                out.put(key, "<set>");
            } else {
                out.put(key, values.length == 0 ? "" : safe(values[0]));
            }
        });
        return out;
    }

    private static String safe(String s) {
        String cut = s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
