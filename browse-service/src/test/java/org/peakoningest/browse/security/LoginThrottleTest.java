package org.peakoningest.browse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(5, LOCKOUT, now::get);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void theFifthFailureLocksTheUserAndTheAddressForTheLockout() {
        fail("alice", "10.0.0.1", 4);
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isZero();
        fail("alice", "10.0.0.1", 1);
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isEqualTo(900);
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.2"))
                .as("the user, elsewhere")
                .isEqualTo(900);
        assertThat(throttle.retryAfterSeconds("ALICE", "10.0.0.2"))
                .as("the user name ignores case")
                .isEqualTo(900);
        assertThat(throttle.retryAfterSeconds("bob", "10.0.0.1"))
                .as("the address, another user")
                .isEqualTo(900);
        assertThat(throttle.retryAfterSeconds(null, "10.0.0.1"))
                .as("the address, a token")
                .isEqualTo(900);
        assertThat(throttle.retryAfterSeconds("bob", "10.0.0.2")).isZero();
    }

    @Test
    void theLockIsFixedAndEndsAfterTheLockout() {
        fail("alice", "10.0.0.1", 5);
        advance(Duration.ofMinutes(10));
        fail("alice", "10.0.0.1", 20); // attempts that raced past the check do not prolong it
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isEqualTo(300);
        advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isEqualTo(1);
        advance(Duration.ofMillis(1));
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isZero();
        fail("alice", "10.0.0.1", 4);
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1"))
                .as("counting starts afresh")
                .isZero();
    }

    @Test
    void failuresFurtherApartThanTheLockoutAreForgotten() {
        for (int i = 0; i < 10; i++) {
            fail("alice", "10.0.0.1", 1);
            advance(LOCKOUT.plusSeconds(1));
        }
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isZero();
    }

    @Test
    void aSuccessfulLoginClearsTheUsersCountButNotTheAddresss() {
        fail("alice", "10.0.0.1", 4);
        throttle.succeeded("alice");
        fail("alice", "10.0.0.2", 4);
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.3")).isZero();
        fail("carol", "10.0.0.1", 1);
        assertThat(throttle.retryAfterSeconds(null, "10.0.0.1")).isEqualTo(900);
    }

    @Test
    void aWrongTokenCountsAgainstTheAddressOnly() {
        fail(null, "10.0.0.1", 5);
        assertThat(throttle.retryAfterSeconds(null, "10.0.0.1")).isEqualTo(900);
        assertThat(throttle.retryAfterSeconds(null, "10.0.0.2")).isZero();
    }

    @Test
    void theUserNameOfABasicHeader() {
        assertThat(LoginThrottleFilter.basicUser("Basic YWxpY2U6d3Jvbmc=")).isEqualTo("alice");
        assertThat(LoginThrottleFilter.basicUser("basic YWxpY2U6d3Jvbmc=")).isEqualTo("alice");
        assertThat(LoginThrottleFilter.basicUser("Basic !!!notbase64")).isNull();
        assertThat(LoginThrottleFilter.basicUser("Bearer abc")).isNull();
    }
}
