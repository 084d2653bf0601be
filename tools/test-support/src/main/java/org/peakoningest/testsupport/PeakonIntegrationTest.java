package org.peakoningest.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Puts the shared {@link Infrastructure} into a Spring test context: {@code spring.kafka.bootstrap-servers},
 * {@code spring.mongodb.uri} and a database of the test's own ({@code spring.mongodb.database} =
 * {@code it_<test class>}), so test classes never see each other's documents.
 *
 * <p>The one way to write an IT in every module:
 * <pre>{@code
 * @SpringBootTest
 * @PeakonIntegrationTest
 * class SomethingIT { ... }
 * }</pre>
 * A test that needs no Spring context uses {@link IntegrationInfrastructure#shared()} directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(InfrastructureContextCustomizerFactory.class)
public @interface PeakonIntegrationTest {}
