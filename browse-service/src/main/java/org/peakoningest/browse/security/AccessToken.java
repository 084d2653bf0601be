package org.peakoningest.browse.security;

/**
 * The bearer token the API accepts ({@code value} empty: bearer authentication off, Basic users only).
 * {@link #toString()} never shows the value.
 */
record AccessToken(String value, boolean generated) {

    @Override
    public String toString() {
        return "AccessToken[" + (value.isEmpty() ? "none" : "***") + ", generated=" + generated + "]";
    }
}
