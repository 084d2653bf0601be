package org.peakoningest.testsupport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Registered by {@link PeakonIntegrationTest}; see there. */
final class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, PeakonIntegrationTest.class)) {
            return null;
        }
        return new Customizer(databaseFor(testClass));
    }

    /** {@code it_} + the test class name in snake case, within MongoDB's 63-byte database-name limit. */
    static String databaseFor(Class<?> testClass) {
        String snake = testClass
                .getSimpleName()
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
        String name = "it_" + snake.replaceAll("[^a-z0-9_]", "_");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    private record Customizer(String database) implements ContextCustomizer {
        @Override
        public void customizeContext(
                org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration merged) {
            Infrastructure infra = IntegrationInfrastructure.shared();
            Map<String, Object> properties = Map.of(
                    "spring.kafka.bootstrap-servers",
                    infra.kafkaBootstrapServers(),
                    "spring.mongodb.uri",
                    infra.mongoUri() + "/" + database,
                    "spring.mongodb.database",
                    database);
            // First in line, so these win over application.yml and environment variables.
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("peakon-it-infrastructure", properties));
        }
    }
}
