package org.peakoningest.fetcher.erase;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.CanonicalJson;

/**
 * The value of an erasure on the erasures topic (docs/contract/asyncapi.yaml, {@code Erasure}), keyed by
 * {@link #key(String) the hash as a JSON string} like every key of the contract. It names nobody in clear: the
 * person is the hash, the counts say what was removed, not which records.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param employeeHash  {@code HMAC-SHA256(PEAKON_ERASURE_SECRET, employee id)}, lower-case hex
 * @param erasedAt      when the erasure was published, in the contract's timestamp form (UTC, six fractional digits)
 * @param erasedBy      who ran {@code erase}: {@code --by}, else the operating-system user
 * @param secretId      which secret made the hash ({@link EmployeeHasher#secretId()}), so another secret is noticed
 * @param tombstones    per collection, the tombstones this erasure published
 */
record ErasureRecord(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("employee_hash") String employeeHash,
        @JsonProperty("erased_at") String erasedAt,
        @JsonProperty("erased_by") String erasedBy,
        @JsonProperty("secret_id") String secretId,
        @JsonProperty("tombstones") Map<String, Long> tombstones) {

    static final int SCHEMA_VERSION = 1;

    ErasureRecord {
        tombstones = tombstones == null ? Map.of() : tombstones;
    }

    /** The record key of the erasure of the person with this hash. */
    static String key(String employeeHash) {
        return CanonicalJson.quote(employeeHash);
    }

    byte[] toJson() {
        return ContractJson.mapper().writeValueAsBytes(this);
    }

    static ErasureRecord fromJson(byte[] value) {
        return ContractJson.mapper().readValue(value, ErasureRecord.class);
    }
}
