package org.peakoningest.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.CommandOutput;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.peakoningest.testsupport.VariableStandIn;

/**
 * The service as an operator starts it ({@link BrowseApplication#run}): a configuration error is status 2 and one
 * line on stderr naming the environment variable, never a stack trace, never a secret.
 */
class ConfigurationErrorIT {

    private static final String TOKEN = "a-bearer-token-never-printed";

    @Test
    void noCredentialsAtAllRefusesToStart() {
        assertThat(configurationError("--browse.token=", "--browse.users=", "--browse.generate-token=false"))
                .startsWith("BROWSE_USERS and BROWSE_TOKEN are both empty: set one");
    }

    @Test
    void aMalformedUserEntryIsNamedByPositionNeverEchoed() {
        assertThat(configurationError("--browse.users=alice:pa55word,bob"))
                .isEqualTo("BROWSE_USERS is invalid: entry 2 is not name:password[:role]");
    }

    @Test
    void aViewerTokenThatIsTheAnalystTokenRefusesToStartWithoutEchoingIt() {
        String line = configurationError("--browse.token=" + TOKEN, "--browse.viewer-token=" + TOKEN);
        assertThat(line)
                .startsWith("BROWSE_VIEWER_TOKEN is the same as BROWSE_TOKEN")
                .doesNotContain(TOKEN);
    }

    @Test
    void anInvalidBrowseSettingNamesItsVariable() {
        assertThat(configurationError("--browse.min-n=0"))
                .isEqualTo("BROWSE_MIN_N must be greater than or equal to 1 (got '0')");
        assertThat(configurationError("--browse.max-limit=lots"))
                .isEqualTo("BROWSE_MAX_LIMIT has an invalid value 'lots'");
        assertThat(configurationError("--browse.login-lockout=soon"))
                .isEqualTo("BROWSE_LOGIN_LOCKOUT has an invalid value 'soon'");
        assertThat(configurationError("--browse.login-lockout=0s"))
                .isEqualTo("BROWSE_LOGIN_LOCKOUT must be at least 1 second (got '0s')");
        assertThat(configurationError("--browse.login-max-failures=0"))
                .isEqualTo("BROWSE_LOGIN_MAX_FAILURES must be greater than or equal to 1 (got '0')");
        assertThat(configurationError("--browse.department-attribute=a.b"))
                .startsWith("BROWSE_DEPARTMENT_ATTRIBUTE must match");
    }

    @Test
    void anInvalidMongoUriNamesMongoUri() {
        assertThat(configurationError("--spring.mongodb.uri=mongo:/nowhere"))
                .startsWith("MONGO_URI is not a valid MongoDB connection string");
    }

    @Test
    void anInvalidMongoUriNeverEchoesItsPassword() {
        assertThat(configurationError("--spring.mongodb.uri=mongodb://alice:pa55word@localhost:notaport/peakon"))
                .startsWith("MONGO_URI is not a valid MongoDB connection string");
        assertThat(configurationError("--spring.mongodb.uri=mongodb://alice:pa55word@localhost/?readPreference=x"))
                .startsWith("MONGO_URI is not a valid MongoDB connection string");
    }

    @Test
    void aBrowseSettingThatIsNoNumberIsQuotedAsTheVariableSetsIt() {
        // BROWSE_MAX_LIMIT=lots in the environment; application.yml maps it with a placeholder.
        assertThat(VariableStandIn.with("BROWSE_MAX_LIMIT", "lots", () -> configurationError()))
                .isEqualTo("BROWSE_MAX_LIMIT has an invalid value 'lots'");
    }

    @Test
    void aPortInUseNamesBrowsePort() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            assertThat(configurationError("--server.port=" + busy.getLocalPort()))
                    .isEqualTo("BROWSE_PORT is already in use (port " + busy.getLocalPort() + ")");
        }
    }

    @Test
    void anArgumentThatIsNoSettingIsAUsageError() {
        assertThat(configurationError("serve"))
                .isEqualTo("unknown argument 'serve'; usage: browse-service [--<property>=<value>...]");
    }

    /** Starts the service with these overrides (else a token, the test's Mongo, a free port); returns the line. */
    private static String configurationError(String... overrides) {
        List<String> args = new ArrayList<>(List.of(overrides));
        for (String option : List.of(
                "--browse.token=" + TOKEN,
                "--server.port=0",
                "--spring.mongodb.uri=" + IntegrationInfrastructure.shared().mongoUri())) {
            if (args.stream().noneMatch(a -> a.startsWith(option.substring(0, option.indexOf('=') + 1)))) {
                args.add(option);
            }
        }
        CommandOutput result = CommandOutput.of(() -> BrowseApplication.run(args.toArray(String[]::new)));
        assertThat(result.configurationError()).doesNotContain(TOKEN, "pa55word", "Exception");
        assertThat(result.out()).as("the log").doesNotContain(TOKEN, "pa55word");
        return result.errLine();
    }
}
