package org.peakoningest.writer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void noArgumentOrRunStartsTheService() {
        assertThat(Command.parse().mode()).isEqualTo(Command.Mode.RUN);
        assertThat(Command.parse("run").mode()).isEqualTo(Command.Mode.RUN);
        assertThat(Command.parse("--server.port=0").springArgs()).containsExactly("--server.port=0");
    }

    @Test
    void replayTargetsTheDatabaseUnderAFreshGroupWithoutWebServer() {
        Command replay = Command.parse("replay", "--target-db", "peakon_rebuild");
        assertThat(replay.mode()).isEqualTo(Command.Mode.REPLAY);
        assertThat(replay.group()).startsWith("peakon-writer-replay-");
        assertThat(replay.springArgs()).contains("--spring.mongodb.database=peakon_rebuild",
                "--peakon.writer.replay.enabled=true", "--peakon.writer.group-id=" + replay.group(),
                "--spring.main.web-application-type=none", "--peakon.writer.replay.generated-group=true");
    }

    @Test
    void replayKeepsAGivenGroup() {
        Command replay = Command.parse("replay", "--target-db=rebuild", "--group=my-replay");
        assertThat(replay.group()).isEqualTo("my-replay");
        assertThat(replay.springArgs()).contains("--peakon.writer.replay.generated-group=false");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> Command.parse("replay")).hasMessageContaining("--target-db");
        assertThatThrownBy(() -> Command.parse("replay", "--target-db")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Command.parse("replay", "--target-db", "a.b")).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> Command.parse("ingest")).hasMessageContaining("unknown command 'ingest'");
        assertThatThrownBy(() -> Command.parse("run", "--target-db", "x")).hasMessageContaining("replay command");
        assertThatThrownBy(() -> Command.parse("run", "stray")).hasMessageContaining("unexpected argument");
    }

    @Test
    void helpIsAMode() {
        assertThat(Command.parse("--help").mode()).isEqualTo(Command.Mode.HELP);
    }
}
