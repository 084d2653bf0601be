package org.peakoningest.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The bearer tokens {@code /auth/application} has issued: JWT-shaped strings, optionally expiring. */
final class BearerTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final long seed;
    private final long companyId;
    private final long ttlSeconds;
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, Long> issuedAtMillis = new ConcurrentHashMap<>();

    BearerTokens(long seed, long companyId, long ttlSeconds) {
        this.seed = seed;
        this.companyId = companyId;
        this.ttlSeconds = ttlSeconds;
    }

    record Issued(String jwt, long issuedAtSeconds, Long expiresAtSeconds) {}

    Issued issue() {
        long n = counter.incrementAndGet();
        long now = System.currentTimeMillis();
        Long expires = ttlSeconds > 0 ? now / 1000 + ttlSeconds : null;
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"peakon-simulator\",\"sub\":\"application\",\"companyId\":" + companyId
                + ",\"iat\":" + now / 1000 + (expires == null ? "" : ",\"exp\":" + expires) + ",\"jti\":" + n + "}");
        String jwt = header + "." + payload + "." + B64.encodeToString(sha256(seed + ":" + n + ":" + payload));
        issuedAtMillis.put(jwt, now);
        return new Issued(jwt, now / 1000, expires);
    }

    /** Null when {@code authorization} carries a live token, else why not (for the 401 detail). */
    String rejection(String authorization) {
        if (authorization == null
                || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "Missing bearer token";
        }
        Long issued = issuedAtMillis.get(authorization.substring(7).trim());
        if (issued == null) {
            return "Invalid bearer token";
        }
        if (ttlSeconds > 0 && System.currentTimeMillis() - issued >= ttlSeconds * 1000) {
            return "Bearer token expired";
        }
        return null;
    }

    /** Forgets every token, so the next API call answers 401 (tests of re-authentication). */
    void revokeAll() {
        issuedAtMillis.clear();
    }

    private static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
