package org.peakoningest.browse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.peakoningest.servicesupport.ConfigurationProblem;

class CredentialsTest {

    @Test
    void parsesPlainAndEncodedPasswordsAndRoles() {
        Credentials c = Credentials.parse(
                " alice:s3cret:with:colons , bob:{bcrypt}$2a$10$abcdefghijklmnopqrstuv:viewer, carol:pw:analyst ");

        assertThat(c.users())
                .containsEntry("alice", new Credentials.User("s3cret:with:colons", Role.ANALYST))
                .containsEntry("bob", new Credentials.User("{bcrypt}$2a$10$abcdefghijklmnopqrstuv", Role.VIEWER))
                .containsEntry("carol", new Credentials.User("pw", Role.ANALYST));
        assertThat(c.users().get("bob").toString()).doesNotContain("$2a$");
        assertThat(Credentials.isEncoded("{bcrypt}$2a$10$x")).isTrue();
        assertThat(Credentials.isEncoded("plain")).isFalse();
        assertThat(Credentials.parse("").isEmpty()).isTrue();
    }

    @Test
    void malformedEntriesFailWithoutEchoingSecrets() {
        assertThatThrownBy(() -> Credentials.parse("alice:pw,justapassword"))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("BROWSE_USERS")
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining("justapassword");
        assertThatThrownBy(() -> Credentials.parse("alice:pw,alice:other"))
                .hasMessageContaining("listed twice")
                .hasMessageNotContaining("other");
    }
}
