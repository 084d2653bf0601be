package org.peakoningest.writer;

import org.peakoningest.servicesupport.ServiceCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * writer-service: projects the Kafka topics into MongoDB. {@code java -jar writer.jar [run | replay --target-db <db>
 * [--group <id>]] [--<property>=<value>...]}: see {@link WriterCommandLine} and {@code docs/writer.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WriterApplication {

    public static void main(String[] args) {
        ServiceCommandLine.exit(run(args));
    }

    /** Runs the command line; returns the exit status, or -1 for the service, which runs until SIGTERM. */
    public static int run(String... args) {
        return ServiceCommandLine.execute(
                new WriterCommandLine(ServiceCommandLine.springBoot(WriterApplication.class)), args);
    }
}
