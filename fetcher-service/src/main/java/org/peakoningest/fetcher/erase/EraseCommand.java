package org.peakoningest.fetcher.erase;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.fetcher.config.ErasureProperties;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.lock.CrawlLock;
import org.peakoningest.fetcher.publish.ErasurePublisher.PartitionKey;
import org.peakoningest.fetcher.publish.PublishException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code fetcher erase --employee <id> [--by <name>] [--dry-run] [--lift]}: erases one person from the topics (see
 * {@link Erasure}) under the crawl lock, or lifts their erasure, and prints what it did on stdout. A dry run takes no
 * lock and publishes nothing.
 *
 * <p>What is printed names the person by their hash only; a dry run also lists the record keys it would tombstone
 * (ids, which the operator typed or can look up anyway; never a name, an email or a comment).
 */
@Component
@ConditionalOnProperty(name = "peakon.fetcher.command", havingValue = "erase")
class EraseCommand implements ApplicationRunner, ExitCodeGenerator {

    // The statuses of run.ExitCodes (the run package depends on crawl, which depends on this one).
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int LOCK_HELD = 75;

    private final Erasure erasure;
    private final LockingTaskExecutor lock;
    private final FetcherProperties props;
    private final ErasureProperties erasureProps;
    private final TopicNames topics;
    private final String employeeId;
    private final String erasedBy;
    private final boolean lift;
    private final boolean dryRun;
    private int exitCode = FAILED;

    EraseCommand(
            Erasure erasure,
            CrawlLock lock,
            FetcherProperties props,
            ErasureProperties erasureProps,
            TopicNames topics,
            @Value("${peakon.fetcher.erase.employee}") String employeeId,
            @Value("${peakon.fetcher.erase.by:}") String erasedBy,
            @Value("${peakon.fetcher.erase.lift:false}") boolean lift,
            @Value("${peakon.fetcher.dry-run:false}") boolean dryRun) {
        this.erasure = erasure;
        this.lock = new DefaultLockingTaskExecutor(lock);
        this.props = props;
        this.erasureProps = erasureProps;
        this.topics = topics;
        this.employeeId = employeeId;
        this.erasedBy = erasedBy.isBlank() ? System.getProperty("user.name", "unknown") : erasedBy.strip();
        this.lift = lift;
        this.dryRun = dryRun;
    }

    @Override
    public void run(ApplicationArguments args) {
        PrintStream out = System.out;
        erasure.hasher(); // a missing or short secret: one line, status 2, before anything is read
        if (dryRun) {
            // Reads only: no lock, so a dry run works while a crawl runs.
            if (lift) {
                lift(out).run();
            } else {
                printPlan(out, erasure.plan(employeeId));
            }
            out.flush();
            exitCode = DONE;
            return;
        }
        AtomicReference<Runnable> printed = new AtomicReference<>();
        try {
            lock.executeWithLock(
                    (Runnable) () -> printed.set(lift ? lift(out) : erase(out)),
                    new LockConfiguration(Instant.now(), CrawlLock.NAME, props.lockAtMostFor(), Duration.ZERO));
        } catch (PublishException e) {
            out.println("erase failed: " + e.getMessage());
            out.println("the erasure may be recorded without all its tombstones: run the same erase again");
            out.flush();
            exitCode = FAILED;
            return;
        }
        if (printed.get() == null) {
            out.println("another fetcher holds the crawl lock (fetcher_locks); nothing erased, try again later");
            exitCode = LOCK_HELD;
            return;
        }
        printed.get().run();
        out.flush();
        exitCode = DONE;
    }

    private Runnable erase(PrintStream out) {
        Erasure.Outcome outcome = erasure.erase(employeeId, erasedBy);
        return () -> printOutcome(out, outcome);
    }

    private Runnable lift(PrintStream out) {
        boolean lifted = erasure.lift(employeeId, erasedBy, dryRun);
        String hash = Erasure.shortHash(erasure.hasher().hash(employeeId));
        return () -> {
            if (!lifted) {
                out.println("employee " + hash + " is not erased on " + topics.erasuresTopic() + ": nothing to lift");
            } else if (dryRun) {
                out.println("dry run: would lift the erasure of employee " + hash + " (nothing was published)");
            } else {
                out.println("lifted the erasure of employee " + hash + " on " + topics.erasuresTopic()
                        + ": the next crawl publishes them again");
            }
        };
    }

    private void printPlan(PrintStream out, Erasure.Plan plan) {
        out.println("dry run: erasing employee " + Erasure.shortHash(plan.hash()) + " would publish"
                + (plan.erasedBefore() ? " (erased before; the erasure would be recorded again)" : ""));
        for (Map.Entry<PeakonCollection, List<PartitionKey>> entry :
                plan.found().live().entrySet()) {
            List<PartitionKey> keys = entry.getValue();
            out.printf(
                    "  %-16s %5d tombstone(s)%s%n",
                    topics.dataTopic(entry.getKey()),
                    keys.size(),
                    keys.isEmpty()
                            ? ""
                            : "  keys: "
                                    + String.join(
                                            ", ",
                                            keys.stream().map(PartitionKey::key).toList()));
        }
        out.println("  and an erasure record on " + topics.erasuresTopic() + " (key: the HMAC-SHA256 hash of the id)");
        out.println(
                "  records of them on the log, superseded ones included (compaction removes them after an erasure): "
                        + String.join(
                                ", ",
                                plan.found().inLog().entrySet().stream()
                                        .map(e -> e.getKey().collectionName() + " " + e.getValue())
                                        .toList()));
        printDeadLetters(out, plan.found(), true);
        out.println("dry run: nothing was published");
        out.flush();
    }

    private void printOutcome(PrintStream out, Erasure.Outcome outcome) {
        Erasure.Plan plan = outcome.plan();
        out.println("erased employee " + Erasure.shortHash(plan.hash()) + ": tombstones published "
                + outcome.record().tombstones() + "; erasure recorded on " + topics.erasuresTopic()
                + " (later crawls do not publish them)");
        if (plan.found().total() == 0) {
            out.println("no record of them was on the topics; the erasure is recorded all the same");
        }
        printDeadLetters(out, plan.found(), false);
        out.println("their old values leave the topics' logs when compaction runs: at the latest "
                + erasureProps.maxCompactionLag() + " (KAFKA_TOPIC_MAX_COMPACTION_LAG) after this erase, once each"
                + " partition has received a later record (README, \"Personal data\")");
    }

    private static void printDeadLetters(PrintStream out, PersonRecords.Found found, boolean withKeys) {
        found.deadLetters().forEach((topic, keys) -> {
            if (!keys.isEmpty()) {
                out.println("  " + topic + ": " + keys.size() + " dead-lettered record(s) of them"
                        + (withKeys ? " (keys: " + String.join(", ", keys) + ")" : "")
                        + "; a tombstone cannot remove them, the topic's retention does (README, \"Personal data\")");
            }
        });
        if (found.unreadableKeys() > 0) {
            out.println("  " + found.unreadableKeys() + " record(s) of them have a key that is not UTF-8 text and"
                    + " were not tombstoned");
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
