package org.peakoningest.embeddedstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.peakoningest.embeddedstack.cli.CommandLine.KafkaTool;
import org.peakoningest.embeddedstack.cli.CommandLine.Run;
import org.peakoningest.embeddedstack.cli.CommandLine.RunOptions;
import org.peakoningest.embeddedstack.cli.CommandLine.UsageException;

class CommandLineTest {

    @Test
    void noArgumentsMeansARunWithTheDefaults() {
        assertThat(CommandLine.parse(List.of())).isEqualTo(new Run(RunOptions.defaults()));
        assertThat(RunOptions.defaults().writers()).isEqualTo(1);
        assertThat(RunOptions.defaults().keepRunning()).isFalse();
        assertThat(RunOptions.defaults().answers()).isEmpty();
    }

    @Test
    void runTakesEveryFlagInBothSpellings() {
        RunOptions options = ((Run) CommandLine.parse(List.of("run", "--answers", "5000", "--employees=200",
                "--writers", "2", "--keep-running", "--full-sync", "--persist", "--timeout=5"))).options();

        assertThat(options).isEqualTo(new RunOptions(OptionalInt.of(5000), OptionalInt.of(200), 2, true, true, true,
                Duration.ofMinutes(5)));
    }

    @Test
    void flagsWithoutTheRunWordStillMeanRun() {
        assertThat(((Run) CommandLine.parse(List.of("--writers", "3"))).options().writers()).isEqualTo(3);
    }

    @Test
    void badValuesAreOneLineUsageErrorsNamingTheFlag() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("run", "--writers", "0")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--writers must be a positive number");
        assertThatThrownBy(() -> CommandLine.parse(List.of("run", "--answers", "lots")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--answers");
        assertThatThrownBy(() -> CommandLine.parse(List.of("run", "--answers", "--keep-running")))
                .isInstanceOf(UsageException.class).hasMessage("--answers needs a value");
        assertThatThrownBy(() -> CommandLine.parse(List.of("run", "--employees")))
                .isInstanceOf(UsageException.class).hasMessage("--employees needs a value");
        assertThatThrownBy(() -> CommandLine.parse(List.of("run", "--keep-running=yes")))
                .isInstanceOf(UsageException.class).hasMessage("--keep-running takes no value");
        assertThatThrownBy(() -> CommandLine.parse(List.of("run", "--writer", "2")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown option '--writer'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("start")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown command 'start'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("stop", "now")))
                .isInstanceOf(UsageException.class).hasMessageContaining("stop takes no arguments");
    }

    @Test
    void kafkaToolsPassTheirArgumentsThroughUntouched() {
        assertThat(CommandLine.parse(List.of("kafka-console-consumer", "--topic", "peakon.answers_export",
                "--from-beginning")))
                .isEqualTo(new KafkaTool("kafka-console-consumer", "org.apache.kafka.tools.consumer.ConsoleConsumer",
                        List.of("--topic", "peakon.answers_export", "--from-beginning")));
        assertThat(((KafkaTool) CommandLine.parse(List.of("kafka-topics", "--list"))).mainClass())
                .isEqualTo("org.apache.kafka.tools.TopicCommand");
    }

    @Test
    void stopStatusAndHelpAreCommands() {
        assertThat(CommandLine.parse(List.of("stop"))).isInstanceOf(CommandLine.Stop.class);
        assertThat(CommandLine.parse(List.of("status"))).isInstanceOf(CommandLine.Status.class);
        assertThat(CommandLine.parse(List.of("--help"))).isInstanceOf(CommandLine.Help.class);
    }
}
