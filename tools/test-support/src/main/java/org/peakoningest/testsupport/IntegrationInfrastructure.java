package org.peakoningest.testsupport;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses and starts, once per JVM, the infrastructure every {@code *IT} runs on.
 *
 * <p>{@code -Dpeakon.it.infrastructure} (or env {@code PEAKON_IT_INFRASTRUCTURE}) picks it: {@code auto} (default:
 * Testcontainers when a Docker engine answers, else embedded), {@code embedded} or {@code containers}.
 */
public final class IntegrationInfrastructure {

    public static final String SELECTOR_PROPERTY = "peakon.it.infrastructure";

    private static Infrastructure shared;

    private IntegrationInfrastructure() {}

    public static synchronized Infrastructure shared() {
        if (shared == null) {
            shared = start(selector());
        }
        return shared;
    }

    private static String selector() {
        String value = System.getProperty(SELECTOR_PROPERTY, System.getenv("PEAKON_IT_INFRASTRUCTURE"));
        return value == null || value.isBlank() ? "auto" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static Infrastructure start(String selector) {
        boolean containers = switch (selector) {
            case "containers" -> true;
            case "embedded" -> false;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default ->
                throw new IllegalArgumentException(
                        SELECTOR_PROPERTY + " must be auto, embedded or containers, not '" + selector + "'");
        };
        System.out.println("[it-infrastructure] "
                + (containers
                        ? "Testcontainers (apache/kafka, mongo:8)"
                        : "embedded (in-JVM KRaft broker + mongo-java-server"
                                + ("auto".equals(selector) ? "; no Docker engine found)" : ")")));
        if (containers) {
            ContainersInfrastructure infra = new ContainersInfrastructure();
            Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "it-infrastructure-stop"));
            return infra;
        }
        EmbeddedInfrastructure infra = new EmbeddedInfrastructure();
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "it-infrastructure-stop"));
        return infra;
    }
}
