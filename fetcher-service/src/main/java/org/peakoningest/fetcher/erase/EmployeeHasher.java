package org.peakoningest.fetcher.erase;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An employee id as the erasures topic knows it: {@code HMAC-SHA256(secret, canonical id)} in lower-case hex. Keyed
 * with the installation's secret so that the register, which every consumer of the topics can read, names nobody: a
 * plain SHA-256 of a numeric id could be reversed by hashing every id up to a few million.
 *
 * <p>The canonical id is the id as text, trimmed, a whole number written without sign or leading zeros: Peakon writes
 * the same person as {@code "7001"} in {@code employees[].id} and as {@code "7001"} or {@code 7001} in an answer's
 * {@code attributes.employeeId}, and an operator may type {@code 07001}.
 */
final class EmployeeHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,18}");
    /** What {@link #secretId()} is the HMAC of: a constant, so it identifies the secret and reveals nothing else. */
    private static final byte[] SECRET_ID_INPUT = "peakon-ingest erasure secret id".getBytes(StandardCharsets.UTF_8);

    private final Mac mac;

    EmployeeHasher(String secret) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256 (java.security.Security's required algorithms).
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The hash of an employee id (any form Peakon or an operator writes it in), 64 lower-case hex digits. */
    synchronized String hash(String employeeId) {
        return HexFormat.of().formatHex(mac.doFinal(canonical(employeeId).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Which secret made a hash: the first 16 hex digits of the HMAC of a constant. Stored with every erasure, so a
     * crawl or an erase under another secret (whose hashes would match nobody, bringing erased people back) is
     * refused instead.
     */
    synchronized String secretId() {
        return HexFormat.of().formatHex(mac.doFinal(SECRET_ID_INPUT)).substring(0, 16);
    }

    /** The id as text, trimmed; a whole number without sign or leading zeros. */
    static String canonical(String employeeId) {
        String id = employeeId.strip();
        if (WHOLE_NUMBER.matcher(id).matches()) {
            long value = Long.parseLong(id);
            if (value >= 0) {
                return Long.toString(value);
            }
        }
        return id;
    }
}
