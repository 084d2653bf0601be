package org.peakoningest.writer.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriterAlertsTest {

    @Test
    void aDeadLettersReasonLeavesTheInstallationWithoutTheValuesItQuotes() {
        assertThat(WriterAlerts.kind("record key does not match the envelope key 7001"))
                .isEqualTo("record key does not match the envelope key");
        assertThat(WriterAlerts.kind("envelope of collection 'drivers' on topic peakon.employees"))
                .isEqualTo("envelope of collection");
        assertThat(WriterAlerts.kind("fetched_at 2026-11-30T10:00:00.000000Z is more than PT1H ahead"))
                .isEqualTo("fetched_at");
        assertThat(WriterAlerts.kind("DeserializationException (details in the dead-letter headers)"))
                .isEqualTo("DeserializationException (details in the dead-letter headers)");
        assertThat(WriterAlerts.kind("7001")).isEqualTo("unknown");
        assertThat(WriterAlerts.kind(null)).isEqualTo("unknown");
    }
}
