package org.peakoningest.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.deployment.Repository.ROOT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.TopicNames;
import org.peakoningest.testsupport.IntegrationInfrastructure;

/**
 * docs/writer.md, "The standard Kafka way (reset the group)": the {@code kafka-consumer-groups.sh} commands, read from
 * the doc and run as written with the Kafka tool class the doc names (Kafka 4.1's own {@code ConsumerGroupCommand}, in
 * this JVM) against a real broker, on a writer group with committed offsets on topics named like ours. An operator
 * who copies them gets the replay the doc promises: nothing while a writer runs, the new offsets from the dry run, and
 * the group at the earliest offset of every topic it consumes after {@code --execute}.
 */
class WriterGroupResetIT {

    private static final Pattern SECTION =
            Pattern.compile("(?s)### The standard Kafka way \\(reset the group\\)\\n(.*?)\\n### ");
    private static final Pattern TOOL_CLASS =
            Pattern.compile("org\\.apache\\.kafka\\.tools\\.[a-z.]+\\.ConsumerGroupCommand");
    private static final Pattern WRITER_GROUP = Pattern.compile("group-id: \\$\\{WRITER_GROUP_ID:([^}]+)}");
    private static final String SHELL_NAME = "kafka-consumer-groups.sh";
    private static final int PARTITIONS = 3;
    private static final int RECORDS_PER_PARTITION = 5;
    private static final int COMMITTED = 4;

    private final String bootstrap = IntegrationInfrastructure.shared().kafkaBootstrapServers();

    @AfterEach
    void restoreExit() {
        Exit.resetExitProcedure();
    }

    @Test
    void theDocumentedResetPutsTheStoppedWritersGroupBackAtTheEarliestOffsetOfEveryTopicItConsumes() throws Exception {
        String section = section();
        List<List<String>> commands = consumerGroupCommands(section);
        List<String> describe = only(commands, "--describe");
        List<String> dryRun = only(commands, "--reset-offsets", "--dry-run");
        List<String> execute = only(commands, "--reset-offsets", "--execute");
        String group = valueOf(execute, "--group");
        assertThat(group)
                .as("the group the doc resets is the writer's default group")
                .isEqualTo(writerGroup());
        assertThat(valueOf(dryRun, "--group")).isEqualTo(group);

        // The writer's topics (data + run events) and a dead-letter topic, which the writer only produces to.
        TopicNames topics = TopicNames.defaults();
        List<String> consumed = new ArrayList<>(topics.dataTopics());
        consumed.add(topics.runEventsTopic());
        String deadLetters = topics.deadLetterTopic(consumed.get(0));
        Map<TopicPartition, Long> earliest = prepare(consumed, deadLetters, group);
        Map<TopicPartition, Long> committed = earliest.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> (long) COMMITTED));
        assertThat(committedOffsets(group)).isEqualTo(committed);

        // Step 1 of the doc: a group with a running writer is not reset.
        try (KafkaConsumer<String, String> writer = member(group, consumed)) {
            String refused = run(section, execute);
            assertThat(refused).contains("inactive");
            assertThat(committedOffsets(group)).isEqualTo(committed);
        }

        // The writers stopped: --describe shows where the group is.
        String described = run(section, describe);
        assertThat(consumed).allMatch(described::contains);

        // --dry-run prints the new offsets (the earliest of every partition the group has offsets on) and changes
        // nothing.
        String planned = run(section, dryRun);
        assertThat(planned).doesNotContain("Error");
        assertThat(newOffsets(planned, group)).isEqualTo(earliest);
        assertThat(committedOffsets(group)).isEqualTo(committed);

        // --execute moves the group there; the dead-letter topic, not consumed by the writer, is left alone.
        String done = run(section, execute);
        assertThat(done).doesNotContain("Error");
        assertThat(newOffsets(done, group)).isEqualTo(earliest);
        assertThat(committedOffsets(group)).isEqualTo(earliest);
        assertThat(earliest.keySet()).noneMatch(partition -> partition.topic().equals(deadLetters));
    }

    /**
     * Topics with {@value #RECORDS_PER_PARTITION} records per partition and the group's offsets committed at
     * {@value #COMMITTED}; on the first topic, partition 0 starts at offset 2 (deleted records, as retention would), so
     * "earliest" is not simply 0. Returns the earliest offset of every partition the group has offsets on.
     */
    private Map<TopicPartition, Long> prepare(List<String> consumed, String deadLetters, String group)
            throws Exception {
        List<String> all = new ArrayList<>(consumed);
        all.add(deadLetters);
        Map<TopicPartition, Long> earliest = new HashMap<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
                KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                        new StringSerializer(),
                        new StringSerializer())) {
            admin.createTopics(all.stream()
                            .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                            .toList())
                    .all()
                    .get();
            for (String topic : all) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                        producer.send(new ProducerRecord<>(topic, partition, "key-" + i, "{}"));
                    }
                }
            }
            producer.flush();
            TopicPartition trimmed = new TopicPartition(consumed.get(0), 0);
            admin.deleteRecords(Map.of(trimmed, RecordsToDelete.beforeOffset(2)))
                    .all()
                    .get();

            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            for (String topic : consumed) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    commit.put(new TopicPartition(topic, partition), new OffsetAndMetadata(COMMITTED));
                }
            }
            admin.alterConsumerGroupOffsets(group, commit).all().get();
            admin.listOffsets(commit.keySet().stream()
                            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.earliest())))
                    .all()
                    .get()
                    .forEach((partition, info) -> earliest.put(partition, info.offset()));
        }
        assertThat(earliest).containsEntry(new TopicPartition(consumed.get(0), 0), 2L);
        return earliest;
    }

    /** A running writer: a member of the group with partitions assigned. */
    private KafkaConsumer<String, String> member(String group, List<String> consumed) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(consumed);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200));
        }
        assertThat(consumer.assignment()).as("the member's assignment").isNotEmpty();
        return consumer;
    }

    private Map<TopicPartition, Long> committedOffsets(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }

    /** The rows {@code GROUP TOPIC PARTITION NEW-OFFSET} the reset prints for {@code group}. */
    private static Map<TopicPartition, Long> newOffsets(String output, String group) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (String line : output.split("\\R")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 4 && columns[0].equals(group)) {
                offsets.put(new TopicPartition(columns[1], Integer.parseInt(columns[2])), Long.parseLong(columns[3]));
            }
        }
        return offsets;
    }

    /**
     * Runs one documented command line with the tool class the doc names for {@value #SHELL_NAME}, in this JVM;
     * returns what it printed (stdout and stderr). A usage error fails the test.
     */
    private String run(String section, List<String> command) throws Exception {
        Matcher toolClass = TOOL_CLASS.matcher(section);
        assertThat(toolClass.find()).as("the doc names the tool class").isTrue();
        List<String> args = command.subList(1, command.size()).stream()
                .map(arg -> arg.replace("$KAFKA_BOOTSTRAP_SERVERS", bootstrap))
                .toList();
        Exit.setExitProcedure((status, message) -> {
            throw new AssertionError("kafka-consumer-groups exited with " + status + ": " + message);
        });
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            Class.forName(toolClass.group()).getMethod("main", String[].class).invoke(null, (Object)
                    args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw new AssertionError(
                    String.join(" ", command) + " failed: " + printed.toString(StandardCharsets.UTF_8), e.getCause());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        out.println("$ " + String.join(" ", args) + "\n" + output);
        return output;
    }

    private static String section() throws IOException {
        Matcher section = SECTION.matcher(Files.readString(ROOT.resolve("docs/writer.md")));
        assertThat(section.find()).as("docs/writer.md has the section").isTrue();
        return section.group(1);
    }

    private static String writerGroup() throws IOException {
        Matcher group = WRITER_GROUP.matcher(
                Files.readString(ROOT.resolve("writer-service/src/main/resources/application.yml")));
        assertThat(group.find()).as("the writer's group-id setting").isTrue();
        return group.group(1);
    }

    /**
     * Every {@value #SHELL_NAME} command of the section, inline or in a code block (continuation lines joined,
     * trailing comments dropped), split into words as a shell would.
     */
    static List<List<String>> consumerGroupCommands(String section) {
        List<List<String>> commands = new ArrayList<>();
        for (String line : section.replaceAll("\\\\\\n\\s*", " ").split("\\n")) {
            int start = line.indexOf(SHELL_NAME);
            if (start < 0) {
                continue;
            }
            boolean inline = start > 0 && line.charAt(start - 1) == '`';
            String command = line.substring(start);
            if (inline) {
                command = command.substring(0, command.indexOf('`'));
            }
            commands.add(words(command));
        }
        return commands;
    }

    /** Shell words: blanks separate, single quotes keep, {@code #} after a blank starts a comment. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'') {
                    quoted = true;
                } else {
                    word.append(c);
                }
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static List<String> only(List<List<String>> commands, String... options) {
        List<List<String>> matching = commands.stream()
                .filter(command -> command.containsAll(List.of(options)))
                .toList();
        assertThat(matching)
                .as("documented " + SHELL_NAME + " commands with " + String.join(" ", options))
                .hasSize(1);
        return matching.get(0);
    }

    private static String valueOf(List<String> command, String option) {
        int at = command.indexOf(option);
        assertThat(at).as(option + " in " + command).isNotNegative().isLessThan(command.size() - 1);
        return command.get(at + 1);
    }
}
