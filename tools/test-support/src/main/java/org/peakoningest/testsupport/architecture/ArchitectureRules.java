package org.peakoningest.testsupport.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The house rules every module's {@code ArchitectureTest} checks (DEVELOPERS.md, "How we write code"). Library types
 * are named by their class names so this module needs none of them on its class path.
 */
public final class ArchitectureRules {

    private static final String MONGO_COLLECTION = "com.mongodb.client.MongoCollection";
    private static final String MONGO_OPERATIONS = "org.springframework.data.mongodb.core.MongoOperations";
    private static final String MONGO_TEMPLATE = "org.springframework.data.mongodb.core.MongoTemplate";
    private static final String PRODUCER_RECORD = "org.apache.kafka.clients.producer.ProducerRecord";
    // Named as called, not by supertype: classes outside the module are not resolved (archunit.properties).
    private static final String KAFKA_OPERATIONS = "org.springframework.kafka.core.KafkaOperations";
    private static final String KAFKA_TEMPLATE = "org.springframework.kafka.core.KafkaTemplate";
    private static final String KAFKA_PRODUCER = "org.apache.kafka.clients.producer.Producer";

    private ArchitectureRules() {}

    /** Classes other than {@code className} and the classes nested in it (its lambdas and helpers are its own). */
    private static DescribedPredicate<JavaClass> areNeither(String className) {
        return DescribedPredicate.describe(
                "are not " + className + " or nested in it",
                c -> !c.getName().equals(className) && !c.getName().startsWith(className + "$"));
    }

    /**
     * The production classes of the module under test: its {@code target/classes} (Maven runs a module's tests in
     * its directory), which is faster than scanning the class path and cannot pick up another module's classes.
     */
    public static JavaClasses productionClasses() {
        Path classes = Path.of("target", "classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no " + classes.toAbsolutePath() + ": run the tests through Maven");
        }
        return new ClassFileImporter().importPath(classes);
    }

    /**
     * No cycle between any two packages, a module's root package included: every package is a slice of its own
     * ({@code org.peakoningest.(**)} captures the whole package name below {@code org.peakoningest}).
     */
    public static ArchRule noCyclesBetweenPackages() {
        return slices().matching("org.peakoningest.(**)")
                .namingSlices("package $1")
                .should()
                .beFreeOfCycles()
                .because("packages are features that depend on each other one way only");
    }

    /** Only {@code writerClass} sends bulk writes to MongoDB ({@code MongoCollection.bulkWrite}, Spring's {@code bulkOps}). */
    public static ArchRule onlyOneClassWritesInBulk(String writerClass) {
        return noClasses()
                .that(areNeither(writerClass))
                .should()
                .callMethodWhere(target(name("bulkWrite")).and(target(owner(assignableTo(MONGO_COLLECTION)))))
                .orShould()
                .callMethodWhere(target(name("bulkOps"))
                        .and(target(owner(assignableTo(MONGO_OPERATIONS).or(assignableTo(MONGO_TEMPLATE))))))
                .because("one class per service talks bulkWrite, so batching, ordering and error handling live in "
                        + "one place");
    }

    /**
     * Only {@code publisherClass} builds producer records: no other class constructs a {@code ProducerRecord} or
     * sends through a {@code KafkaTemplate}/{@code Producer} (which build one from a topic, key and value).
     */
    public static ArchRule onlyOneClassBuildsProducerRecords(String publisherClass) {
        return noClasses()
                .that(areNeither(publisherClass))
                .should()
                .callConstructorWhere(target(owner(assignableTo(PRODUCER_RECORD))))
                .orShould()
                .callMethodWhere(target(nameMatching("send.*"))
                        .and(target(owner(assignableTo(KAFKA_OPERATIONS).or(assignableTo(KAFKA_TEMPLATE))))))
                .orShould()
                .callMethodWhere(target(name("send")).and(target(owner(assignableTo(KAFKA_PRODUCER)))))
                .because("one class per service decides topics, keys, headers and acknowledgements");
    }
}
