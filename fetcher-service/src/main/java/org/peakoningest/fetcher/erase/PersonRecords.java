package org.peakoningest.fetcher.erase;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.envelope.EnvelopeCodec;
import org.peakoningest.fetcher.publish.ErasurePublisher.PartitionKey;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Finds one person's records on the topics, which are the source of truth (not MongoDB, which may lag or have been
 * rebuilt): the employee document ({@code employees}, whose item {@code id} is the person) and every answer
 * ({@code answers_export}, whose {@code attributes.employeeId} is the person — the API reference's "ID that uniquely
 * identifies the employee"). Each topic is read from its beginning to its current end offsets.
 *
 * <p>A key is the person's when its <em>latest</em> record names them: that is the document a consumer holds, and
 * what a tombstone must replace. A key whose latest record is already a tombstone is left alone (erased before, or
 * deleted); a key an older record of which named them but whose latest names someone else is not theirs any more
 * (compaction removes the older record anyway). A record that cannot be read (poison) keeps the key's previous
 * verdict: in doubt, it stays the person's.
 *
 * <p>The dead-letter topics {@code <topic>.DLT} (the writer's, cleanup policy {@code delete}) are searched too: a
 * record there is the person's when its key is one of the person's keys or its envelope names them. A tombstone
 * cannot remove it (a delete-policy topic does not compact); they are counted and listed so the operator knows, and
 * leave with the topic's retention (README, "Personal data").
 */
@Component
class PersonRecords {

    /** The collections whose items name a person, in the order the erasure reports them. */
    static final List<PeakonCollection> PERSONAL = List.of(PeakonCollection.EMPLOYEES, PeakonCollection.ANSWERS_EXPORT);

    private static final EnvelopeCodec.Decoder<Subject> ENVELOPES = EnvelopeCodec.decoder(PersonRecords::subject);

    private final TopicScan scan;
    private final TopicNames topics;

    PersonRecords(TopicScan scan, TopicNames topics) {
        this.scan = scan;
        this.topics = topics;
    }

    /**
     * What is on the topics of the person.
     *
     * @param live            per collection, the keys whose latest record is the person's: what the erasure tombstones
     * @param inLog           per collection, the records on the log (any offset, superseded or not) whose value is the
     *                        person's: after an erasure, what compaction has yet to remove (0 once it has)
     * @param deadLetters     per dead-letter topic, the keys of its records that are the person's
     * @param unreadableKeys  keys of the person's records that are not UTF-8 text (no contract producer writes such a
     *                        key): a tombstone could not repeat them, so they are reported, not tombstoned
     * @param liveByRun       the {@code live} keys counted per run id of their latest record, per collection name: the
     *                        run whose stored document each tombstone deletes (never-regress stores the latest
     *                        version, and the writer keeps a key's last record equal to it)
     */
    record Found(
            Map<PeakonCollection, List<PartitionKey>> live,
            Map<PeakonCollection, Long> inLog,
            Map<String, List<String>> deadLetters,
            int unreadableKeys,
            Map<String, Map<String, Long>> liveByRun) {

        long total() {
            return live.values().stream().mapToLong(List::size).sum();
        }
    }

    Found find(String employeeId) {
        String person = EmployeeHasher.canonical(employeeId);
        Map<PeakonCollection, List<PartitionKey>> live = new EnumMap<>(PeakonCollection.class);
        Map<PeakonCollection, Long> inLog = new EnumMap<>(PeakonCollection.class);
        Map<String, List<String>> deadLetters = new LinkedHashMap<>();
        Map<String, Map<String, Long>> liveByRun = new TreeMap<>();
        int unreadable = 0;
        for (PeakonCollection collection : PERSONAL) {
            KeyVerdicts verdicts = new KeyVerdicts();
            long[] values = {0};
            scan.readToEnd(List.of(topics.dataTopic(collection)), record -> {
                EnvelopeCodec.Decoded<Subject> envelope = record.value() == null ? null : decode(record.value());
                Boolean names = record.value() == null ? Boolean.FALSE : names(collection, envelope, person);
                verdicts.see(
                        record.partition(),
                        record.key(),
                        names,
                        envelope == null ? null : envelope.header().runId());
                if (Boolean.TRUE.equals(names)) {
                    values[0]++;
                }
            });
            live.put(collection, verdicts.persons());
            verdicts.personsByRun()
                    .forEach((run, n) -> liveByRun
                            .computeIfAbsent(run, r -> new LinkedHashMap<>())
                            .put(collection.collectionName(), n));
            inLog.put(collection, values[0]);
            unreadable += verdicts.unreadableKeys;

            Set<String> keys = verdicts.everKeys();
            String deadLetterTopic = topics.deadLetterTopic(topics.dataTopic(collection));
            List<String> dead = new ArrayList<>();
            scan.readToEnd(List.of(deadLetterTopic), record -> {
                String key = text(record.key());
                boolean byKey = key != null && keys.contains(key);
                if (byKey
                        || record.value() != null
                                && Boolean.TRUE.equals(names(collection, decode(record.value()), person))) {
                    dead.add(key == null ? "<key not UTF-8>" : key);
                }
            });
            deadLetters.put(deadLetterTopic, dead);
        }
        return new Found(live, inLog, deadLetters, unreadable, liveByRun);
    }

    /**
     * Whether an envelope's item is the person's: TRUE or FALSE, or null when the value is not an envelope this
     * fetcher can read.
     */
    private static Boolean names(PeakonCollection collection, EnvelopeCodec.Decoded<Subject> envelope, String person) {
        if (envelope == null || envelope.item() == null) {
            return null;
        }
        String id = collection == PeakonCollection.EMPLOYEES
                ? envelope.item().id()
                : envelope.item().employeeId();
        return id != null && EmployeeHasher.canonical(id).equals(person);
    }

    /** The envelope of a value, or null when it is not one this fetcher can read (poison, not an error). */
    private static EnvelopeCodec.Decoded<Subject> decode(byte[] value) {
        try {
            return ENVELOPES.decode(value);
        } catch (RuntimeException unreadable) {
            // JacksonException and whatever a value that is no envelope makes the decoder throw
            return null;
        }
    }

    /** The values of an item that name its person. */
    record Subject(String id, String employeeId) {}

    /** Reads only {@code id} and {@code attributes.employeeId} of an item, skipping the rest unparsed. */
    private static Subject subject(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String id = null;
        String employeeId = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            if (name.equals("id")) {
                id = scalar(parser, value);
            } else if (name.equals("attributes")) {
                employeeId = null; // the last of duplicate members counts, as in the item's tree
                if (value != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                for (String attribute = parser.nextName(); attribute != null; attribute = parser.nextName()) {
                    JsonToken attributeValue = parser.nextToken();
                    if (attribute.equals("employeeId")) {
                        employeeId = scalar(parser, attributeValue);
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        return new Subject(id, employeeId);
    }

    private static String scalar(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }

    /** A key as text when it is UTF-8 (every contract key is), else null. */
    static String text(byte[] key) {
        if (key == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The latest verdict of every key that ever named the person, per partition (a key's records are on one partition
     * unless the partition count changed; each partition's latest record is the one compaction keeps there).
     */
    private static final class KeyVerdicts {

        /** Per key that ever named the person: whether its latest record does, and that record's run id. */
        private final Map<PartitionKey, Verdict> verdicts = new LinkedHashMap<>();

        private final Set<String> ever = new HashSet<>();
        private int unreadableKeys;

        private record Verdict(boolean persons, String runId) {}

        void see(int partition, byte[] keyBytes, Boolean names, String runId) {
            String key = text(keyBytes);
            if (key == null) {
                if (Boolean.TRUE.equals(names)) {
                    unreadableKeys++;
                }
                return;
            }
            PartitionKey at = new PartitionKey(partition, key);
            if (Boolean.TRUE.equals(names)) {
                verdicts.put(at, new Verdict(true, runId));
                ever.add(key);
            } else if (names != null && verdicts.containsKey(at)) {
                verdicts.put(at, new Verdict(false, null));
            }
        }

        List<PartitionKey> persons() {
            return verdicts.entrySet().stream()
                    .filter(e -> e.getValue().persons())
                    .map(Map.Entry::getKey)
                    .toList();
        }

        /** The person's keys counted by the run id of their latest record (a record without one is not counted). */
        Map<String, Long> personsByRun() {
            Map<String, Long> byRun = new TreeMap<>();
            verdicts.values().stream()
                    .filter(v -> v.persons() && v.runId() != null)
                    .forEach(v -> byRun.merge(v.runId(), 1L, Long::sum));
            return byRun;
        }

        Set<String> everKeys() {
            return ever;
        }
    }
}
