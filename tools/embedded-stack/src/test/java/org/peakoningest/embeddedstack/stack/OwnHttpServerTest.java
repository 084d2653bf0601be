package org.peakoningest.embeddedstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A service of the stack is ready when its own web server bound its port, on loopback only. */
class OwnHttpServerTest {

    @Test
    void theServiceListensOnLoopbackOnlyAndKeepsItsStartedLineWhateverTheLogLevel() {
        assertThat(OwnHttpServer.environment(40217))
                .containsEntry("SERVER_PORT", "40217")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_BOOT_TOMCAT", "INFO");
    }

    @Test
    void bootsStartedLineOnItsOwnPortIsTheProofInPlainAndJsonLogs() {
        String plain = "2026-11-30T12:55:38.274Z  INFO 7406 --- [writer-service] [           main] "
                + "o.s.boot.tomcat.TomcatWebServer          : Tomcat started on port 8000 (http) with context path '/'";
        String json = "{\"@timestamp\":\"2026-11-30T12:55:38.274Z\",\"log.level\":\"INFO\",\"message\":\"Tomcat started"
                + " on port 8000 (http) with context path '/'\",\"log.logger\":\"org.springframework.boot.tomcat.Tomcat"
                + "WebServer\"}";

        assertThat(OwnHttpServer.startedOn(8000).matcher(plain).find()).isTrue();
        assertThat(OwnHttpServer.startedOn(8000).matcher(json).find()).isTrue();
        // Another port is not this service's bind.
        assertThat(OwnHttpServer.startedOn(800).matcher(plain).find()).isFalse();
        assertThat(OwnHttpServer.startedOn(80001).matcher(plain).find()).isFalse();
        assertThat(OwnHttpServer.startedOn(8000)
                        .matcher(plain.replace("8000", "18000"))
                        .find())
                .isFalse();
    }
}
