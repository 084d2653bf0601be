package org.peakoningest.servicesupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.CommandOutput;
import org.peakoningest.testsupport.VariableStandIn;

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
        assertThat(check("--demo.count=0").errLine())
                .isEqualTo("DEMO_COUNT must be greater than or equal to 1 (got '0')");
        assertThat(check("--demo.timeout=500ms").errLine())
                .startsWith("DEMO_TIMEOUT_SECONDS must be")
                .endsWith("(got '500ms')");
    }

    @Test
    void rejectedTextIsNeverQuotedForItMayBeASecret() {
        CommandOutput result = check("--demo.secret=hunter2");
        assertThat(result.errLine())
                .startsWith("DEMO_SECRET size must be between 8")
                .doesNotContain("hunter2");
    }

    @Test
    void everyRejectedSettingIsNamedOnTheOneLine() {
        assertThat(check("--demo.count=0", "--demo.timeout=0").errLine())
                .contains("DEMO_COUNT", "; ")
                .contains("DEMO_TIMEOUT_SECONDS");
    }

    @Test
    void aValueThatIsNoNumberIsNamedWithTheValue() {
        assertThat(check("--demo.count=many").errLine()).isEqualTo("DEMO_COUNT has an invalid value 'many'");
    }

    @Test
    void aValueThatIsNoNumberIsQuotedAsTheVariableSaysNotAsThePlaceholder() {
        // The operator sets DEMO_COUNT; application.yml's ${DEMO_COUNT:1} resolves it.
        assertThat(VariableStandIn.with("DEMO_COUNT", "many", () -> check().errLine()))
                .isEqualTo("DEMO_COUNT has an invalid value 'many'");
    }

    @Test
    void aValueThatIsNoNumberIsNotQuotedWhenTheVariableIsNamedLikeASecret() {
        assertThat(check("--demo.token-ttl=hunter2").errLine()).isEqualTo("DEMO_TOKEN_TTL has an invalid value");
    }

    @Test
    void aSettingBoundBeforeTheContextExistsIsNamedWithItsValueToo() {
        // logging.level.root is bound while logging starts: Boot gives the analyzer no environment then.
        assertThat(VariableStandIn.with("DEMO_LOG_LEVEL", "loud", () -> check().errLine()))
                .isEqualTo("DEMO_LOG_LEVEL has an invalid value 'loud'");
    }

    @Test
    void anUnknownLogFormatIsOneLineBeforeLoggingStarts() {
        assertThat(check("--peakon.log-format=xml").errLine())
                .isEqualTo("LOG_FORMAT must be text, json, ecs or logstash (got 'xml')");
        assertThat(check("--peakon.log-format=json").status()).isZero();
    }

    @Test
    void aStartUpChecksProblemIsItsOwnMessage() {
        assertThat(check("--demo.failure=configuration").errLine())
                .isEqualTo("DEMO_HOST is unreachable (demo.invalid:1)");
    }

    @Test
    void anyOtherFailureIsStatusOne() {
        CommandOutput result =
                CommandOutput.of(() -> ServiceCommandLine.execute(new Demo(launcher()), "check", "--demo.failure=bug"));
        assertThat(result.status()).isEqualTo(ServiceCommandLine.FAILURE);
        assertThat(result.err()).contains("demo check failed: IllegalStateException: boom");
    }

    /** Runs {@code demo check} with these settings; a configuration error must be status 2. */
    private static CommandOutput check(String... settings) {
        String[] args = new String[settings.length + 1];
        args[0] = "check";
        System.arraycopy(settings, 0, args, 1, settings.length);
        CommandOutput result = CommandOutput.of(() -> ServiceCommandLine.execute(new Demo(launcher()), args));
        assertThat(result.status()).isIn(0, ServiceCommandLine.CONFIGURATION);
        assertThat(result.status() == 0).isEqualTo(result.err().isBlank());
        if (result.status() != 0) {
            result.configurationError();
        }
        return result;
    }

    private static ServiceCommandLine.Launcher launcher() {
        return ServiceCommandLine.springBoot(Demo.Application.class);
    }
}
