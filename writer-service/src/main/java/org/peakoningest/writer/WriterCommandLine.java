package org.peakoningest.writer;

import org.peakoningest.servicesupport.ServiceCommand;
import org.peakoningest.servicesupport.ServiceCommandLine.Launcher;
import org.peakoningest.servicesupport.SpringArguments;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The writer's command line (picocli, run by service-support's {@code ServiceCommandLine}, which decides the exit
 * status of a bad command line or a failed start). A command becomes Spring Boot arguments:
 * {@code peakon.writer.command=replay} selects the replay's beans and its {@code ApplicationRunner}
 * ({@code replay.ReplayRunner}), which reads into {@code --target-db} under a group of its own;
 * {@code --<property>=<value>} arguments pass through unchanged.
 */
@Command(
        name = "writer-service",
        subcommands = HelpCommand.class,
        customSynopsis = "writer-service [run | replay --target-db <db> [--group <id>]] [--<property>=<value>...]",
        description = "Projects the Kafka topics into MongoDB (without a command: run).")
final class WriterCommandLine extends ServiceCommand {

    @Spec
    private CommandSpec spec;

    WriterCommandLine(Launcher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() {
        return run(new SpringArguments());
    }

    @Command(name = "run", description = "Consume the topics into MONGO_DB until stopped (the default).")
    int run(@Mixin SpringArguments more) {
        return start(more, true, "--peakon.writer.command=run");
    }

    @Command(name = "replay", description = "Rebuild <db> from the topics under a group of its own, then exit.")
    int replay(
            @Option(names = "--target-db", paramLabel = "<db>") String targetDb,
            @Option(
                            names = "--group",
                            paramLabel = "<id>",
                            description = "Default: peakon-writer-replay-<millis>, deleted after.")
                    String group,
            @Mixin SpringArguments more) {
        if (targetDb == null || targetDb.isBlank()) {
            throw new ParameterException(spec.commandLine(), "replay needs --target-db <database>");
        }
        // MongoDB's database-name rules: no / \ . " $ * < > : | ? or space, at most 63 bytes.
        if (!targetDb.matches("[^/\\\\. \"$*<>:|?]{1,63}")) {
            throw new ParameterException(
                    spec.commandLine(), "--target-db '" + targetDb + "' is not a valid MongoDB database name");
        }
        if (group != null && group.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--group must not be blank");
        }
        String groupId = group != null ? group : "peakon-writer-replay-" + System.currentTimeMillis();
        return start(
                more,
                false,
                "--peakon.writer.command=replay",
                "--peakon.writer.replay.generated-group=" + (group == null),
                "--peakon.writer.group-id=" + groupId,
                "--spring.mongodb.database=" + targetDb,
                "--spring.main.web-application-type=none");
    }
}
