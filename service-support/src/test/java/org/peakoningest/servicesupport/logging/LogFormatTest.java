package org.peakoningest.servicesupport.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.peakoningest.servicesupport.ConfigurationProblem;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatTest {

    private static MockEnvironment withLogFormat(String value) {
        MockEnvironment environment = new MockEnvironment();
        if (value != null) {
            environment.setProperty(LogFormat.PROPERTY, value);
        }
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void textIsBootsPlainConsoleAndTheDefault() {
        assertThat(withLogFormat(null).getProperty(LogFormat.BOOT_PROPERTY)).isNull();
        assertThat(withLogFormat("text").getProperty(LogFormat.BOOT_PROPERTY)).isNull();
    }

    @Test
    void jsonIsElasticCommonSchemaAndLogstashIsLogstash() {
        assertThat(withLogFormat("json").getProperty(LogFormat.BOOT_PROPERTY)).isEqualTo("ecs");
        assertThat(withLogFormat("JSON").getProperty(LogFormat.BOOT_PROPERTY)).isEqualTo("ecs");
        assertThat(withLogFormat("ecs").getProperty(LogFormat.BOOT_PROPERTY)).isEqualTo("ecs");
        assertThat(withLogFormat("logstash").getProperty(LogFormat.BOOT_PROPERTY))
                .isEqualTo("logstash");
    }

    @Test
    void anyOtherValueIsAConfigurationErrorNamingTheVariable() {
        assertThatThrownBy(() -> withLogFormat("xml"))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessage("LOG_FORMAT must be text, json, ecs or logstash (got 'xml')");
    }
}
