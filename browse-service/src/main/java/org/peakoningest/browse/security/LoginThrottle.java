package org.peakoningest.browse.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Locale;
import org.peakoningest.browse.config.BrowseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed logins per user name and per client address. {@code BROWSE_LOGIN_MAX_FAILURES} failures of a key, each
 * within {@code BROWSE_LOGIN_LOCKOUT} of the one before, lock it for {@code BROWSE_LOGIN_LOCKOUT}: a fixed lock, so
 * a guesser gets at most that many tries per lockout and per name (and per address), while a locked-out user waits a
 * known time. Attempts while locked are refused unchecked and do not prolong the lock. A successful login clears its
 * user name's count, never its address's (else one valid account would let an address guess the others).
 *
 * <p>In memory (one instance; a restart forgets) and bounded: counts expire by themselves, and at most
 * {@value #MAX_KEYS} keys are kept, the least recently used evicted first.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_KEYS = 100_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Failures so far; {@code lockedUntil} (ticker nanos) is non-zero once the key is locked. */
    private record Failures(int count, long lockedUntil) {}

    private final int maxFailures;
    private final Duration lockout;
    private final Ticker ticker;
    private final Cache<String, Failures> failures;

    @Autowired
    LoginThrottle(BrowseProperties properties) {
        this(properties.loginMaxFailures(), properties.loginLockout(), Ticker.systemTicker());
    }

    LoginThrottle(int maxFailures, Duration lockout, Ticker ticker) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.ticker = ticker;
        // A count lives for a lockout after its last failure; a lock exactly until it ends.
        this.failures = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(MAX_KEYS)
                .expireAfter(Expiry.<String, Failures>writing((key, value) -> value.lockedUntil() == 0
                        ? lockout
                        : Duration.ofNanos(Math.max(0, value.lockedUntil() - ticker.read()))))
                .executor(Runnable::run)
                .build();
    }

    /**
     * Seconds (rounded up) until an attempt as {@code user} (null: none, a bearer token) from
     * {@code address} may be checked again; 0 when neither is locked.
     */
    long retryAfterSeconds(String user, String address) {
        long now = ticker.read();
        long until = Math.max(lockedUntil(userKey(user), now), lockedUntil(addressKey(address), now));
        return until == 0 ? 0 : (until - now + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    /** A rejected login: counts against the address and, for a user name, against that name. */
    void failed(String user, String address) {
        count(addressKey(address), "client address");
        if (user != null) {
            count(userKey(user), "user name");
        }
    }

    /** A login that passed: that user name starts afresh. */
    void succeeded(String user) {
        if (user != null) {
            failures.invalidate(userKey(user));
        }
    }

    private void count(String key, String kind) {
        long now = ticker.read();
        Failures after = failures.asMap().compute(key, (k, before) -> {
            if (before != null && before.lockedUntil() > now) {
                return before; // a request that raced past the check while the lock began: not counted
            }
            boolean fresh = before == null || before.lockedUntil() != 0; // a lock that just ended starts afresh
            int count = fresh ? 1 : before.count() + 1;
            return new Failures(count, count >= maxFailures ? now + lockout.toNanos() : 0);
        });
        if (after.count() == maxFailures && after.lockedUntil() != 0) {
            // Neither the name nor the address is logged: both may identify a person.
            log.warn("{} failed logins for one {}: locked for {}", maxFailures, kind, lockout);
        }
    }

    private long lockedUntil(String key, long now) {
        if (key == null) {
            return 0;
        }
        Failures current = failures.getIfPresent(key);
        return current != null && current.lockedUntil() > now ? current.lockedUntil() : 0;
    }

    /** Spring Security's in-memory user store ignores case, so the throttle does too. */
    private static String userKey(String user) {
        return user == null ? null : "user:" + user.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
