package org.peakoningest.common.erasure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.CanonicalJson;

/**
 * The value of an erasure on the erasures topic (docs/contract/asyncapi.yaml, {@code Erasure}), keyed by
 * {@link #key(String) the hash as a JSON string} like every key of the contract. It names nobody in clear: the
 * person is the hash, the counts say what was removed, not which records.
 *
 * <p>The latest record of a person is their whole history: whether they are erased now ({@link #inForce()}), and
 * which runs' documents their erasures deleted ({@code erased_by_run}). A lift is a record too (with
 * {@code lifted_at}), not a tombstone, so that history survives compaction: the writer needs it for ever to know that
 * a run whose documents were erased did land them (a rebuild from the topics decides the same).
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} (1: no lift fields and no {@code erased_by_run})
 * @param employeeHash  {@code HMAC-SHA256(PEAKON_ERASURE_SECRET, employee id)}, lower-case hex
 * @param erasedAt      when the (latest) erasure was published, in the contract's timestamp form
 * @param erasedBy      who ran {@code erase}: {@code --by}, else the operating-system user
 * @param secretId      which secret made the hash, so another secret is noticed
 * @param tombstones    per collection, the tombstones the latest erasure published
 * @param erasedByRun   per run id, per collection, the stored documents of that run every erasure of the person
 *                      deleted (the run id their latest record carried), never lowered by a later erasure or a lift
 * @param liftedAt      when the erasure was lifted, null while it is in force
 * @param liftedBy      who lifted it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErasureRecord(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("employee_hash") String employeeHash,
        @JsonProperty("erased_at") String erasedAt,
        @JsonProperty("erased_by") String erasedBy,
        @JsonProperty("secret_id") String secretId,
        @JsonProperty("tombstones") Map<String, Long> tombstones,
        @JsonProperty("erased_by_run") Map<String, Map<String, Long>> erasedByRun,
        @JsonProperty("lifted_at") String liftedAt,
        @JsonProperty("lifted_by") String liftedBy) {

    public static final int SCHEMA_VERSION = 2;

    public ErasureRecord {
        tombstones = tombstones == null ? Map.of() : tombstones;
        erasedByRun = erasedByRun == null ? Map.of() : erasedByRun;
    }

    /** A record whose value could not be read: the person its key names stays erased (in doubt, erased). */
    public static ErasureRecord unreadable(String employeeHash) {
        return new ErasureRecord(0, employeeHash, null, null, null, null, null, null, null);
    }

    /** Whether the person is erased: not lifted since. */
    public boolean inForce() {
        return liftedAt == null;
    }

    /** This record, lifted at {@code when} by {@code who}; the history stays. */
    public ErasureRecord lifted(String when, String who) {
        return new ErasureRecord(
                SCHEMA_VERSION, employeeHash, erasedAt, erasedBy, secretId, tombstones, erasedByRun, when, who);
    }

    /**
     * The per-run counts of {@code earlier} and {@code now} together, each the larger of the two: an erasure run again
     * (after tombstones failed half-way, or after a lift and a later crawl) finds again documents an earlier one
     * already counted for the same run, never more than there were.
     */
    public static Map<String, Map<String, Long>> merge(
            Map<String, Map<String, Long>> earlier, Map<String, Map<String, Long>> now) {
        Map<String, Map<String, Long>> merged = new TreeMap<>();
        for (Map<String, Map<String, Long>> counts : java.util.List.of(earlier, now)) {
            counts.forEach((run, byCollection) -> byCollection.forEach((collection, n) ->
                    merged.computeIfAbsent(run, r -> new LinkedHashMap<>()).merge(collection, n, Math::max)));
        }
        return merged;
    }

    /** The record key of the erasure of the person with this hash. */
    public static String key(String employeeHash) {
        return CanonicalJson.quote(employeeHash);
    }

    public byte[] toJson() {
        return ContractJson.mapper().writeValueAsBytes(this);
    }

    public static ErasureRecord fromJson(byte[] value) {
        return ContractJson.mapper().readValue(value, ErasureRecord.class);
    }
}
