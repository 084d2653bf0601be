package org.peakoningest.browse.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.peakoningest.servicesupport.ConfigurationProblem;

/**
 * Parses {@code BROWSE_USERS}: comma-separated {@code name:password} or {@code name:password:role} entries, the role
 * {@code analyst} or {@code viewer} (without one: {@code analyst}, what every user was before roles existed). The
 * role is read from the last colon only when what follows is a role name, so a password may hold colons (one that
 * ends in {@code :viewer} needs the role written after it).
 *
 * <p>A password that starts with a Spring Security encoding prefix ({@code {bcrypt}}, {@code {pbkdf2}},
 * {@code {argon2}}, {@code {noop}} …) is kept as given; any other password is plain text and is bcrypt-hashed at
 * startup by the caller, so the process never compares plain text.
 */
record Credentials(Map<String, User> users) {

    /** One user's password (as configured) and role. */
    record User(String password, Role role) {
        @Override
        public String toString() {
            return "User[***, " + role.label() + "]";
        }
    }

    private static final Pattern ENCODED = Pattern.compile("^\\{[A-Za-z0-9_-]+}.+");

    static Credentials parse(String spec) {
        Map<String, User> users = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (spec != null && !spec.isBlank()) {
            int index = 0;
            for (String pair : spec.split(",")) {
                index++;
                String trimmed = pair.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int colon = trimmed.indexOf(':');
                if (colon <= 0 || colon == trimmed.length() - 1) {
                    // never echo the entry itself: it holds a password
                    problems.add("entry " + index + " is not name:password[:role]");
                    continue;
                }
                String name = trimmed.substring(0, colon).trim();
                String password = trimmed.substring(colon + 1);
                Role role = Role.ANALYST;
                int last = password.lastIndexOf(':');
                if (last > 0 && Role.parse(password.substring(last + 1).trim()) != null) {
                    role = Role.parse(password.substring(last + 1).trim());
                    password = password.substring(0, last);
                }
                if (users.putIfAbsent(name, new User(password, role)) != null) {
                    problems.add("user '" + name + "' is listed twice");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationProblem("BROWSE_USERS", "is invalid: " + String.join("; ", problems));
        }
        return new Credentials(Map.copyOf(users));
    }

    static boolean isEncoded(String password) {
        return ENCODED.matcher(password).matches();
    }

    boolean isEmpty() {
        return users.isEmpty();
    }
}
