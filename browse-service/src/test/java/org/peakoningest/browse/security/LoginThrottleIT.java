package org.peakoningest.browse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peakoningest.browse.ApiClient;
import org.peakoningest.browse.BrowseApiFixture;
import org.peakoningest.browse.RawHttp;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Guessing passwords or tokens stops after a few failures, per user name and per client address (each test its own
 * loopback addresses: 127.0.0.0/8 is all local), until the lockout passes. A short lockout keeps the test quick.
 */
@TestPropertySource(
        properties = {
            "browse.users=alice:wonderland,bob:builder,carol:{noop}singer",
            "browse.login-max-failures=5",
            "browse.login-lockout=3s"
        })
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIT extends BrowseApiFixture {

    private static String basic(String user, String password) {
        return "Authorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Response runs(String address, String... headers) {
        return RawHttp.send(address, port, "GET", "/api/runs", headers);
    }

    @Test
    void thirtyWrongPasswordsThenTheRightOneIs429UntilTheLockoutPasses(CapturedOutput output) {
        for (int i = 1; i <= 30; i++) {
            RawHttp.Response response = runs("127.0.0.2", basic("alice", "guess" + i));
            assertThat(response.status()).as("attempt %d", i).isEqualTo(i <= 5 ? 401 : 429);
        }
        RawHttp.Response right = runs("127.0.0.2", basic("alice", "wonderland"));
        assertThat(right.status()).isEqualTo(429);
        assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(1L, 3L);
        assertThat(right.header("Content-Type")).startsWith("application/json");
        JsonNode body = ApiClient.parse(right.body());
        assertThat(body.get("error").asString()).isEqualTo("too_many_requests");
        assertThat(body.get("message").asString()).contains("retry in");

        assertThat(runs("127.0.0.3", basic("alice", "wonderland")).status())
                .as("the user is locked from any address")
                .isEqualTo(429);
        assertThat(runs("127.0.0.2", basic("bob", "builder")).status())
                .as("so is the address for any user")
                .isEqualTo(429);
        assertThat(runs("127.0.0.3", basic("bob", "builder")).status())
                .as("another user from another address")
                .isEqualTo(200);
        assertThat(RawHttp.send("127.0.0.2", port, "GET", "/").status())
                .as("requests without credentials (the UI shell) are not throttled")
                .isNotEqualTo(429);

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> runs("127.0.0.2", basic("alice", "wonderland")).status() == 200);
        // The lock names neither the user nor the address; the failed attempts leave no line at all. (The audit
        // line of a request that signed in names its user: that is what an audit is for.)
        String log = output.getAll()
                .lines()
                .filter(line -> !line.contains("browse.audit"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(log)
                .contains("failed logins for one user name: locked for PT3S")
                .doesNotContain("alice", "127.0.0.2", "guess");
        assertThat(output.getAll()).doesNotContain("user=alice role=analyst GET /api/runs status=429", "guess");
    }

    @Test
    void wrongTokensLockTheirAddress() {
        for (int i = 1; i <= 5; i++) {
            assertThat(runs("127.0.0.4", "Authorization: Bearer wrong-" + i).status())
                    .isEqualTo(401);
        }
        assertThat(runs("127.0.0.4", "Authorization: Bearer " + ApiClient.TOKEN).status())
                .isEqualTo(429);
        assertThat(runs("127.0.0.5", "Authorization: Bearer " + ApiClient.TOKEN).status())
                .isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsTheUsersFailures() {
        for (String address : new String[] {"127.0.0.6", "127.0.0.7"}) {
            for (int i = 1; i <= 4; i++) {
                assertThat(runs(address, basic("carol", "guess" + i)).status()).isEqualTo(401);
            }
            assertThat(runs(address, basic("Carol", "singer")).status()).isEqualTo(200);
        }
    }

    @Test
    void behindAReverseProxyTheForwardedClientAddressCounts() {
        // a proxy on a loopback (or private) address is trusted to name the client in X-Forwarded-For
        for (int i = 1; i <= 5; i++) {
            runs("127.0.0.8", "X-Forwarded-For: 203.0.113.7", "Authorization: Bearer wrong-" + i);
        }
        assertThat(runs("127.0.0.8", "X-Forwarded-For: 203.0.113.7", "Authorization: Bearer " + ApiClient.TOKEN)
                        .status())
                .isEqualTo(429);
        assertThat(runs("127.0.0.8", "X-Forwarded-For: 203.0.113.8", "Authorization: Bearer " + ApiClient.TOKEN)
                        .status())
                .as("another client behind the same proxy")
                .isEqualTo(200);
    }
}
