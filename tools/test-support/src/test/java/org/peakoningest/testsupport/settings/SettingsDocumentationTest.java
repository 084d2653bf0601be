package org.peakoningest.testsupport.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SettingsDocumentationTest {

    @Test
    void everyDisagreementBetweenSettingsConfigurationReadmeAndEnvExampleIsNamed() throws Exception {
        Path fixture = Path.of(getClass().getResource("/settings-fixture").toURI());
        assertThat(SettingsDocumentation.problems(
                        "demo",
                        "demo",
                        fixture,
                        Files.readString(fixture.resolve("application.yml")),
                        Files.readString(fixture.resolve("metadata.json"))))
                .containsExactlyInAnyOrder(
                        "demo.never-set is bound by the settings record but not set in application.yml",
                        "DEMO_TIMEOUT_SECONDS: README says default '60', application.yml '30'",
                        "DEMO_TIMEOUT_SECONDS: .env.example says '60', application.yml '30'",
                        "DEMO_SECRET_KNOB is read by application.yml but missing from the README's table",
                        "DEMO_SECRET_KNOB is read by application.yml but missing from .env.example",
                        "DEMO_UNREAD: the README says demo uses it, but its application.yml does not read it");
    }
}
