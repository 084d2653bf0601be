package org.peakoningest.fetcher.erase;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The people erased when a run started (the erasures topic, read by {@link ErasureRegister}): whether an employee id
 * Peakon serves belongs to one of them. Each distinct id is hashed once per run: a run sees a few thousand employees
 * and up to millions of answers naming them.
 */
public final class ErasureList {

    static final ErasureList NONE = new ErasureList(Set.of(), null);

    private final Set<String> hashes;
    private final EmployeeHasher hasher;
    private final Map<String, Boolean> decided = new ConcurrentHashMap<>();

    ErasureList(Set<String> hashes, EmployeeHasher hasher) {
        this.hashes = Set.copyOf(hashes);
        this.hasher = hasher;
    }

    /** No erased person: nothing needs to be looked at. */
    public boolean isEmpty() {
        return hashes.isEmpty();
    }

    /** How many people are erased. */
    public int size() {
        return hashes.size();
    }

    /** Whether the person with this id (in any of the forms {@link EmployeeHasher#canonical} accepts) is erased. */
    public boolean isErased(String employeeId) {
        if (hashes.isEmpty() || employeeId == null) {
            return false;
        }
        return decided.computeIfAbsent(employeeId, id -> hashes.contains(hasher.hash(id)));
    }
}
