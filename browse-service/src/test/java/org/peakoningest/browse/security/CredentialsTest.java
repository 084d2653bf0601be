package org.peakoningest.browse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.peakoningest.servicesupport.ConfigurationProblem;

class CredentialsTest {

    @Test
    void parsesPlainAndEncodedPasswords() {
        Credentials c = Credentials.parse(" alice:s3cret:with:colons , bob:{bcrypt}$2a$10$abcdefghijklmnopqrstuv ");

        assertThat(c.passwordsByUser())
                .containsEntry("alice", "s3cret:with:colons")
                .containsEntry("bob", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv");
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
