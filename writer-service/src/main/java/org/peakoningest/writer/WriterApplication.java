package org.peakoningest.writer;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * writer-service: projects the Kafka topics into MongoDB. {@code java -jar writer.jar [run | replay --target-db <db>
 * [--group <id>]] [--<property>=<value>...]}: see {@link WriterCommandLine} and {@code docs/writer.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WriterApplication {

    public static void main(String[] args) {
        int status = run(args);
        if (status != WriterCommandLine.KEEP_RUNNING) {
            System.exit(status);
        }
    }

    /** Runs the command line; returns the exit status, or -1 for the service, which runs until SIGTERM. */
    public static int run(String... args) {
        return WriterCommandLine.execute(WriterApplication::start, args);
    }

    private static int start(List<String> springArgs, boolean keepRunning) {
        ConfigurableApplicationContext context = new SpringApplication(WriterApplication.class)
                .run(springArgs.toArray(String[]::new));
        return keepRunning ? WriterCommandLine.KEEP_RUNNING : SpringApplication.exit(context);
    }
}
