package org.peakoningest.fetcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CliCommandTest {

    @Test
    void daemonIsTheDefault() {
        assertThat(CliCommand.parse().mode()).isEqualTo(CliCommand.Mode.DAEMON);
        assertThat(CliCommand.parse("daemon").mode()).isEqualTo(CliCommand.Mode.DAEMON);
    }

    @Test
    void ingestFlagsOverrideTheEnvironment() {
        CliCommand full = CliCommand.parse("ingest", "--full-sync", "--dry-run");
        assertThat(full.mode()).isEqualTo(CliCommand.Mode.INGEST);
        assertThat(full.fullSync()).contains(true);
        assertThat(full.dryRun()).isTrue();
        assertThat(CliCommand.parse("ingest", "--incremental").fullSync()).contains(false);
        assertThat(CliCommand.parse("ingest").fullSync()).isEmpty();
    }

    @Test
    void springArgumentsPassThrough() {
        assertThat(CliCommand.parse("ingest", "--logging.level.root=WARN").springArgs())
                .containsExactly("--logging.level.root=WARN");
    }

    @Test
    void nonsenseIsRejectedWithTheUsage() {
        assertThatThrownBy(() -> CliCommand.parse("crawl")).hasMessageContaining("usage:");
        assertThatThrownBy(() -> CliCommand.parse("ingest", "--full-sync", "--incremental"))
                .hasMessageContaining("exclude");
        assertThatThrownBy(() -> CliCommand.parse("daemon", "--dry-run")).hasMessageContaining("ingest");
    }
}
