package org.peakoningest.testsupport.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules every module's {@code ArchitectureTest} checks (DEVELOPERS.md, "How we write code"). Library types
 * are named by their class names so this module needs none of them on its class path.
 */
public final class ArchitectureRules {

    private static final String MONGO_COLLECTION = "com.mongodb.client.MongoCollection";
    private static final String MONGO_OPERATIONS = "org.springframework.data.mongodb.core.MongoOperations";
    private static final String PRODUCER_RECORD = "org.apache.kafka.clients.producer.ProducerRecord";
    private static final String KAFKA_OPERATIONS = "org.springframework.kafka.core.KafkaOperations";
    private static final String KAFKA_PRODUCER = "org.apache.kafka.clients.producer.Producer";

    private ArchitectureRules() {
    }

    /** The production classes of {@code basePackage} and below (test classes and jars left out). */
    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /**
     * No cycle between any two packages, a module's root package included: every package is a slice of its own
     * ({@code org.peakoningest.(**)} captures the whole package name below {@code org.peakoningest}).
     */
    public static ArchRule noCyclesBetweenPackages() {
        return slices().matching("org.peakoningest.(**)").namingSlices("package $1").should().beFreeOfCycles()
                .because("packages are features that depend on each other one way only");
    }

    /** Only {@code writerClass} sends bulk writes to MongoDB ({@code MongoCollection.bulkWrite}, Spring's {@code bulkOps}). */
    public static ArchRule onlyOneClassWritesInBulk(String writerClass) {
        return noClasses().that().doNotHaveFullyQualifiedName(writerClass)
                .should().callMethodWhere(target(name("bulkWrite")).and(target(owner(assignableTo(MONGO_COLLECTION)))))
                .orShould().callMethodWhere(target(name("bulkOps")).and(target(owner(assignableTo(MONGO_OPERATIONS)))))
                .because("one class per service talks bulkWrite, so batching, ordering and error handling live in "
                        + "one place");
    }

    /**
     * Only {@code publisherClass} builds producer records: no other class constructs a {@code ProducerRecord} or
     * sends through a {@code KafkaTemplate}/{@code Producer} (which build one from a topic, key and value).
     */
    public static ArchRule onlyOneClassBuildsProducerRecords(String publisherClass) {
        return noClasses().that().doNotHaveFullyQualifiedName(publisherClass)
                .should().callConstructorWhere(target(owner(assignableTo(PRODUCER_RECORD))))
                .orShould().callMethodWhere(target(nameMatching("send.*")).and(target(owner(
                        assignableTo(KAFKA_OPERATIONS)))))
                .orShould().callMethodWhere(target(name("send")).and(target(owner(assignableTo(KAFKA_PRODUCER)))))
                .because("one class per service decides topics, keys, headers and acknowledgements");
    }
}
