package org.peakoningest.fetcher.erase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.erasure.ErasureRecord;
import org.peakoningest.fetcher.config.ErasureProperties;
import org.peakoningest.fetcher.publish.ErasurePublisher;
import org.peakoningest.fetcher.publish.ErasurePublisher.PartitionKey;
import org.peakoningest.servicesupport.ConfigurationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Erasing one person, top to bottom: find their records on the topics, record the erasure, publish the tombstones.
 * The caller holds the crawl lock, so no crawl publishes the person again meanwhile.
 *
 * <p>The erasure record goes out <em>before</em> the tombstones: should the tombstones fail half-way, the person is
 * already on the register, so no later crawl brings them back, and running {@code erase} again publishes the rest
 * (the keys whose latest record is still theirs). The other order could leave a person tombstoned but not registered,
 * and the next weekly crawl would publish them again.
 */
@Component
class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final ErasureProperties props;
    private final TopicNames topics;
    private final ErasureRegister register;
    private final PersonRecords records;
    private final ErasurePublisher publisher;

    Erasure(
            ErasureProperties props,
            TopicNames topics,
            ErasureRegister register,
            PersonRecords records,
            ErasurePublisher publisher) {
        this.props = props;
        this.topics = topics;
        this.register = register;
        this.publisher = publisher;
        this.records = records;
    }

    /**
     * The hasher of the installation's secret, which every erasure needs.
     *
     * @throws ConfigurationProblem when {@code PEAKON_ERASURE_SECRET} is missing or too short (exit status 2)
     */
    EmployeeHasher hasher() {
        if (!props.hasSecret()) {
            throw new ConfigurationProblem(
                    ErasureProperties.SECRET_VARIABLE,
                    "is required for erase (the key of the hash that names an erased person on "
                            + topics.erasuresTopic() + ")");
        }
        if (props.secret().strip().length() < ErasureProperties.MIN_SECRET_LENGTH) {
            throw new ConfigurationProblem(
                    ErasureProperties.SECRET_VARIABLE,
                    "must be at least " + ErasureProperties.MIN_SECRET_LENGTH + " characters long");
        }
        return new EmployeeHasher(props.secret());
    }

    /**
     * The register as it is, checked against this secret.
     *
     * @throws ConfigurationProblem when earlier erasures were made with another secret: this one's hashes would name
     *                              other people than theirs, and every crawl would refuse the register
     */
    private Map<String, ErasureRecord> registerUnder(EmployeeHasher hasher) {
        Map<String, ErasureRecord> latest = register.read();
        Map<String, ErasureRecord> inForce = ErasureRegister.inForce(latest);
        long foreign = ErasureRegister.foreignSecret(inForce, hasher);
        if (foreign > 0) {
            throw new ConfigurationProblem(
                    ErasureProperties.SECRET_VARIABLE,
                    "is not the secret " + foreign + " of the " + inForce.size() + " erasures on "
                            + topics.erasuresTopic() + " were made with");
        }
        return latest;
    }

    /** What erasing the person would publish; publishes nothing. */
    Plan plan(String employeeId) {
        EmployeeHasher hasher = hasher();
        String hash = hasher.hash(employeeId);
        ErasureRecord previous = registerUnder(hasher).get(hash);
        return new Plan(hash, previous, records.find(employeeId));
    }

    /**
     * Erases the person: the register first, then one tombstone per key that is theirs. The record carries, per run,
     * the documents this and every earlier erasure of the person deleted ({@code erased_by_run}): the writer counts
     * them as landed for their run, so erasing never turns a landed run back into a pending one, live or rebuilt.
     */
    Outcome erase(String employeeId, String erasedBy) {
        Plan plan = plan(employeeId);
        EmployeeHasher hasher = hasher();
        Map<String, Long> counts = new LinkedHashMap<>();
        plan.found().live().forEach((collection, keys) -> counts.put(collection.collectionName(), (long) keys.size()));
        ErasureRecord record = new ErasureRecord(
                ErasureRecord.SCHEMA_VERSION,
                plan.hash(),
                Timestamps.format(Timestamps.now()),
                erasedBy,
                hasher.secretId(),
                counts,
                ErasureRecord.merge(
                        plan.previous() == null ? Map.of() : plan.previous().erasedByRun(),
                        plan.found().liveByRun()),
                null,
                null);
        publisher.erasure(ErasureRecord.key(plan.hash()), record.toJson());
        for (Map.Entry<PeakonCollection, List<PartitionKey>> entry :
                plan.found().live().entrySet()) {
            publisher.tombstones(topics.dataTopic(entry.getKey()), entry.getValue());
        }
        // Never the id: the hash names the person in the log, as on the topic.
        log.info(
                "erased employee {}: tombstones {}, erasure recorded on {}",
                shortHash(plan.hash()),
                counts,
                topics.erasuresTopic());
        return new Outcome(record, plan);
    }

    /**
     * Lifts the person's erasure: their erasure record again, with {@code lifted_at}, keeping its history of erased
     * documents (a tombstone would let compaction forget which runs' documents were erased). Nothing is published when
     * they are not erased.
     *
     * @return whether an erasure was lifted
     */
    boolean lift(String employeeId, String liftedBy, boolean dryRun) {
        EmployeeHasher hasher = hasher();
        String hash = hasher.hash(employeeId);
        ErasureRecord current = registerUnder(hasher).get(hash);
        if (current == null || !current.inForce()) {
            return false;
        }
        if (!dryRun) {
            ErasureRecord lifted = current.lifted(Timestamps.format(Timestamps.now()), liftedBy);
            publisher.erasure(ErasureRecord.key(hash), lifted.toJson());
            log.info("lifted the erasure of employee {} on {}", shortHash(hash), topics.erasuresTopic());
        }
        return true;
    }

    /** The first 12 hex digits: enough to tell erasures apart in a log or a summary. */
    static String shortHash(String hash) {
        return hash.substring(0, 12) + "…";
    }

    /**
     * What an erasure of one person finds.
     *
     * @param previous the person's latest record on the erasures topic (in force or lifted), or null
     */
    record Plan(String hash, ErasureRecord previous, PersonRecords.Found found) {

        boolean erasedBefore() {
            return previous != null && previous.inForce();
        }
    }

    /** What an erasure published. */
    record Outcome(ErasureRecord record, Plan plan) {}
}
