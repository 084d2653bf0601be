package org.peakoningest.writer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.peakoningest.testsupport.PeakonIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The writer's ITs: the writer's context on the shared broker and a Mongo database of the test class's own
 * ({@link PeakonIntegrationTest}), closed after the class (its listener must not keep consuming next to the next
 * class's). {@link #value} are the test's settings, at least its topic prefix and consumer group, which match the
 * class's {@link WriterFixture}:
 * <pre>{@code
 * @WriterIntegrationTest({"peakon.writer.topic-prefix=it-x.", "peakon.writer.group-id=it-x"})
 * class XIT {
 *     @RegisterExtension
 *     static final WriterFixture fixture = new WriterFixture("it-x.");
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@PeakonIntegrationTest
@DirtiesContext
public @interface WriterIntegrationTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] value() default {};
}
