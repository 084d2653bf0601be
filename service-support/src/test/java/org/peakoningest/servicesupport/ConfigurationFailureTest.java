package org.peakoningest.servicesupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Spring Boot started through the command line: the analyzer and its reporter, registered once in this module's
 * spring.factories, turn each configuration failure into one line naming the variable, and the status is 2.
 */
class ConfigurationFailureTest {

    @Test
    void aValidSettingsRecordStartsAndTheCommandsStatusIsReturned() {
        assertThat(check().status()).isZero();
    }

    @Test
    void aRejectedNumberOrDurationIsQuotedAsWritten() {
        assertThat(check("--demo.count=0").line()).isEqualTo("DEMO_COUNT must be greater than or equal to 1 (got '0')");
        assertThat(check("--demo.timeout=500ms").line()).startsWith("DEMO_TIMEOUT_SECONDS must be")
                .endsWith("(got '500ms')");
    }

    @Test
    void rejectedTextIsNeverQuotedForItMayBeASecret() {
        Captured result = check("--demo.secret=hunter2");
        assertThat(result.line()).startsWith("DEMO_SECRET size must be between 8").doesNotContain("hunter2");
    }

    @Test
    void everyRejectedSettingIsNamedOnTheOneLine() {
        assertThat(check("--demo.count=0", "--demo.timeout=0").line()).contains("DEMO_COUNT", "; ")
                .contains("DEMO_TIMEOUT_SECONDS");
    }

    @Test
    void aValueThatIsNoNumberIsNamedWithTheValue() {
        assertThat(check("--demo.count=many").line()).isEqualTo("DEMO_COUNT has an invalid value 'many'");
    }

    @Test
    void aStartUpChecksProblemIsItsOwnMessage() {
        assertThat(check("--demo.failure=configuration").line()).isEqualTo("DEMO_HOST is unreachable (demo.invalid:1)");
    }

    @Test
    void anyOtherFailureIsStatusOne() {
        Captured result = Captured.run(() -> ServiceCommandLine.execute(new Demo(launcher()), "check",
                "--demo.failure=bug"));
        assertThat(result.status()).isEqualTo(ServiceCommandLine.FAILURE);
        assertThat(result.stderr()).contains("demo check failed: IllegalStateException: boom");
    }

    /** Runs {@code demo check} with these settings; a configuration error must be status 2. */
    private static Captured check(String... settings) {
        String[] args = new String[settings.length + 1];
        args[0] = "check";
        System.arraycopy(settings, 0, args, 1, settings.length);
        Captured result = Captured.run(() -> ServiceCommandLine.execute(new Demo(launcher()), args));
        assertThat(result.status()).isIn(0, ServiceCommandLine.CONFIGURATION);
        assertThat(result.status() == 0).isEqualTo(result.stderr().isBlank());
        return result;
    }

    private static ServiceCommandLine.Launcher launcher() {
        return ServiceCommandLine.springBoot(Demo.Application.class);
    }
}
