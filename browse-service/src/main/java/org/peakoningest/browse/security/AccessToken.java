package org.peakoningest.browse.security;

/**
 * A bearer token the API accepts and the role it grants ({@code value} empty: none configured). {@link #toString()}
 * never shows the value.
 */
record AccessToken(String value, boolean generated, Role role) {

    boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "AccessToken[" + (value.isEmpty() ? "none" : "***") + ", generated=" + generated + ", " + role.label()
                + "]";
    }
}
