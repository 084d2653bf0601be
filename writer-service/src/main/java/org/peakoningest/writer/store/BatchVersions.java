package org.peakoningest.writer.store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peakoningest.common.PeakonCollection;

/**
 * The versions of one batch that are written: only the newest per {@code _id} (an unordered bulk with a repeated
 * {@code _id} may apply them in any order), with what the others tell: how many were received (the rest are stale)
 * and which superseded version comes from a later record than the newest of its key (compaction would keep that
 * record, not the stored version: see {@code consume.Republisher}).
 */
final class BatchVersions {

    private final Map<PeakonCollection, Map<Object, PendingDocument>> newest = new EnumMap<>(PeakonCollection.class);
    private final Map<PeakonCollection, Integer> received = new EnumMap<>(PeakonCollection.class);
    /** Per collection and id: the superseded version with the highest offset, when it is above the newest one's. */
    private final Map<PeakonCollection, Map<Object, PendingDocument>> later = new EnumMap<>(PeakonCollection.class);

    void add(PendingDocument version) {
        counted(version.collection());
        newest.computeIfAbsent(version.collection(), c -> new LinkedHashMap<>())
                .merge(version.id(), version, (a, b) -> {
                    // BinaryOperator.maxBy(VERSION_ORDER), and the loser kept when it is later on the topic
                    PendingDocument winner = PendingDocument.VERSION_ORDER.compare(a, b) >= 0 ? a : b;
                    PendingDocument loser = winner == a ? b : a;
                    if (loser.offset() > winner.offset()) {
                        later.computeIfAbsent(version.collection(), c -> new HashMap<>())
                                .merge(version.id(), loser, (x, y) -> x.offset() >= y.offset() ? x : y);
                    }
                    return winner;
                });
    }

    /** A version that is not written and counts as stale (e.g. before a tombstone of its key). */
    void counted(PeakonCollection collection) {
        received.merge(collection, 1, Integer::sum);
    }

    /** The newest versions, per collection, in the order their ids first appeared. */
    Map<PeakonCollection, List<PendingDocument>> newest() {
        Map<PeakonCollection, List<PendingDocument>> out = new EnumMap<>(PeakonCollection.class);
        newest.forEach((collection, byId) -> out.put(collection, List.copyOf(byId.values())));
        return out;
    }

    /** Versions of {@code collection} received but not among {@link #newest()}. */
    int superseded(PeakonCollection collection) {
        return received.getOrDefault(collection, 0)
                - newest.getOrDefault(collection, Map.of()).size();
    }

    /** Collections with versions received. */
    Iterable<PeakonCollection> collections() {
        return received.keySet();
    }

    /** The superseded versions of {@code collection} that come after the newest of their key on the topic. */
    List<KeyPosition> laterThanTheNewest(PeakonCollection collection) {
        List<KeyPosition> out = new ArrayList<>();
        Map<Object, PendingDocument> byId = newest.getOrDefault(collection, Map.of());
        later.getOrDefault(collection, Map.of()).forEach((id, version) -> {
            if (version.offset() > byId.get(id).offset()) {
                out.add(new KeyPosition(collection, id, version.partition(), version.offset()));
            }
        });
        return out;
    }
}
