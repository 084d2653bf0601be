package org.peakoningest.fetcher.erase;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.erasure.ErasureRecord;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.fetcher.config.ErasureProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The erasures topic as a register: the latest record per key (the person's hash); the person is erased unless that
 * record is a lift ({@code lifted_at}) or a tombstone (how a lift was published before schema version 2). Read from the topic itself, beginning to end, every time it is needed (at most once per run): the topic
 * is the source of truth, tiny (one record per erased person), and a Mongo projection of it could lag behind.
 */
@Component
public class ErasureRegister {

    private static final Logger log = LoggerFactory.getLogger(ErasureRegister.class);

    private final TopicScan scan;
    private final String topic;
    private final ErasureProperties props;
    private String listRunId;
    private ErasureList list;

    ErasureRegister(TopicScan scan, TopicNames topics, ErasureProperties props) {
        this.scan = scan;
        this.topic = topics.erasuresTopic();
        this.props = props;
    }

    /**
     * The people erased when run {@code runId} first asked: read once per run, so every collection of a run skips the
     * same people.
     *
     * @throws IllegalStateException when there are erasures but their people cannot be recognised (no
     *                               {@code PEAKON_ERASURE_SECRET}, or another secret than theirs): publishing then could
     *                               bring an erased person back, so the collection that asked fails instead
     */
    public synchronized ErasureList current(String runId) {
        if (runId.equals(listRunId)) {
            return list;
        }
        Map<String, ErasureRecord> erasures = inForce(read());
        ErasureList current = erasures.isEmpty() ? ErasureList.NONE : listOf(erasures);
        if (!current.isEmpty()) {
            log.info("{} erased people on {}: their items are not published", current.size(), topic);
        }
        listRunId = runId;
        list = current;
        return current;
    }

    private ErasureList listOf(Map<String, ErasureRecord> erasures) {
        if (!props.hasSecret()) {
            throw new IllegalStateException(ErasureProperties.SECRET_VARIABLE + " is not set, but " + topic + " lists "
                    + erasures.size() + " erased people: their items cannot be recognised, so none are published");
        }
        EmployeeHasher hasher = new EmployeeHasher(props.secret());
        long foreign = foreignSecret(erasures, hasher);
        if (foreign > 0) {
            throw new IllegalStateException(ErasureProperties.SECRET_VARIABLE + " is not the secret " + foreign
                    + " of the "
                    + erasures.size() + " erasures on " + topic + " were made with: their people cannot be recognised,"
                    + " so none are published");
        }
        return new ErasureList(erasures.keySet(), hasher);
    }

    /** How many erasures were made with another secret than {@code hasher}'s (unreadable ones count as ours). */
    static long foreignSecret(Map<String, ErasureRecord> erasures, EmployeeHasher hasher) {
        String ours = hasher.secretId();
        return erasures.values().stream()
                .filter(e -> e.secretId() != null && !e.secretId().equals(ours))
                .count();
    }

    /** The erasures of {@code latest} that are in force (not lifted), by hash. */
    static Map<String, ErasureRecord> inForce(Map<String, ErasureRecord> latest) {
        Map<String, ErasureRecord> inForce = new LinkedHashMap<>();
        latest.forEach((hash, record) -> {
            if (record.inForce()) {
                inForce.put(hash, record);
            }
        });
        return inForce;
    }

    /**
     * The latest record of every person on the topic, lifted ones included (their history of erased documents stays),
     * by hash. A record whose value cannot be read still erases the person its key names (in doubt, erased), with no
     * secret id to check.
     */
    Map<String, ErasureRecord> read() {
        Map<String, ErasureRecord> erasures = new LinkedHashMap<>();
        scan.readToEnd(List.of(topic), record -> {
            String hash = hashOf(record.key());
            if (hash == null) {
                log.warn(
                        "{}: a record at {}@{} has no readable key; ignored",
                        topic,
                        record.partition(),
                        record.offset());
                return;
            }
            if (record.value() == null) {
                erasures.remove(hash);
                return;
            }
            try {
                erasures.put(hash, ErasureRecord.fromJson(record.value()));
            } catch (JacksonException e) {
                log.warn(
                        "{}: the erasure at {}@{} cannot be read ({}); the person stays erased",
                        topic,
                        record.partition(),
                        record.offset(),
                        e.getOriginalMessage());
                erasures.put(hash, ErasureRecord.unreadable(hash));
            }
        });
        return erasures;
    }

    /** The hash a record key names (the key is the hash as a JSON string), or null. */
    private static String hashOf(byte[] key) {
        if (key == null) {
            return null;
        }
        try {
            JsonNode hash = ContractJson.mapper().readTree(new String(key, StandardCharsets.UTF_8));
            return hash.isString() && !hash.stringValue().isBlank() ? hash.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
