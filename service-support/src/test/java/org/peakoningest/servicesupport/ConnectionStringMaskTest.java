package org.peakoningest.servicesupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The driver's complaint about a MONGO_URI is quoted without the URI's credentials. */
class ConnectionStringMaskTest {

    @Test
    void theUserInformationAndThePasswordAreMasked() {
        String uri = "mongodb://alice:pa%40ss@db:notaport/peakon";
        assertThat(ConfigurationFailureAnalyzer.masked(
                        "The connection string contains an invalid host 'alice:pa%40ss@db:notaport'", uri))
                .isEqualTo("The connection string contains an invalid host '****@db:notaport'");
        assertThat(ConfigurationFailureAnalyzer.masked("password pa@ss is wrong", uri))
                .isEqualTo("password **** is wrong");
    }

    @Test
    void optionsThatHoldCredentialsAreMasked() {
        String uri = "mongodb://db/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:t0ken"
                + "&tlsCertificateKeyFilePassword=k3y&readPreference=x";
        assertThat(ConfigurationFailureAnalyzer.masked("invalid options '" + uri.substring(13) + "'", uri))
                .doesNotContain("t0ken", "k3y")
                .contains("readPreference=x");
    }

    @Test
    void aMessageWithoutSecretsIsUnchanged() {
        assertThat(ConfigurationFailureAnalyzer.masked("must start with 'mongodb://'", "mongo:/nowhere"))
                .isEqualTo("must start with 'mongodb://'");
        assertThat(ConfigurationFailureAnalyzer.masked("no uri", null)).isEqualTo("no uri");
    }
}
