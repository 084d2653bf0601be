package org.peakoningest.testsupport;

import java.util.function.Supplier;

/**
 * An environment variable for the length of one call, stood in for by a system property of the same name: a test
 * cannot set a variable of its own JVM, and Spring's placeholders ({@code ${WRITER_CONCURRENCY:2}}) resolve both
 * alike. The property is removed afterwards, whatever happens.
 */
public final class VariableStandIn {

    private VariableStandIn() {}

    public static <T> T with(String variable, String value, Supplier<T> action) {
        String before = System.getProperty(variable);
        System.setProperty(variable, value);
        try {
            return action.get();
        } finally {
            if (before == null) {
                System.clearProperty(variable);
            } else {
                System.setProperty(variable, before);
            }
        }
    }
}
