package org.peakoningest.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.settings.SettingsDocumentation;

/**
 * The operator's view of the settings cannot drift from the code: every bound property is set in application.yml,
 * and every variable it reads is in the README's configuration table and in .env.example with the same default.
 */
class SettingsDocumentedTest {

    @Test
    void everySettingIsDocumentedWithItsDefault() {
        assertThat(SettingsDocumentation.problems("browse", "browse", Path.of("..")))
                .isEmpty();
    }
}
