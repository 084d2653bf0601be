package org.peakoningest.fetcher.erase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hash that names an erased person: HMAC-SHA256 of the canonical id under the installation's secret. */
class EmployeeHasherTest {

    @Test
    void isHmacSha256InLowerCaseHex() {
        // The well-known HMAC-SHA256 example (key "key").
        assertThat(new EmployeeHasher("key").hash("The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void everyFormOfTheSameIdIsTheSamePerson() {
        EmployeeHasher hasher = new EmployeeHasher("a-secret-of-the-installation-0123456789");
        String hash = hasher.hash("7001");
        assertThat(hasher.hash(" 7001 ")).isEqualTo(hash);
        assertThat(hasher.hash("07001")).isEqualTo(hash);
        assertThat(hasher.hash("+7001")).isEqualTo(hash);
        assertThat(hasher.hash("7002")).isNotEqualTo(hash);
        assertThat(hasher.hash("ext-7001")).isNotEqualTo(hash).hasSize(64);
        assertThat(EmployeeHasher.canonical("ext-7001 ")).isEqualTo("ext-7001");
        assertThat(EmployeeHasher.canonical("-5")).isEqualTo("-5");
        assertThat(EmployeeHasher.canonical("123456789012345678901")).isEqualTo("123456789012345678901");
    }

    @Test
    void anotherSecretGivesOtherHashesAndAnotherSecretId() {
        EmployeeHasher one = new EmployeeHasher("a-secret-of-the-installation-0123456789");
        EmployeeHasher other = new EmployeeHasher("another-secret-of-the-installation-0123");
        assertThat(one.hash("7001")).isNotEqualTo(other.hash("7001"));
        assertThat(one.secretId()).hasSize(16).isNotEqualTo(other.secretId());
        assertThat(one.secretId()).isEqualTo(new EmployeeHasher("a-secret-of-the-installation-0123456789").secretId());
        assertThat(one.hash("7001")).doesNotContain(one.secretId());
    }
}
