package org.peakoningest.browse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The browse service: a read-only JSON API and the built Vue UI over the MongoDB projection, behind authentication.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BrowseApplication {

    public static void main(String[] args) {
        SpringApplication.run(BrowseApplication.class, args);
    }
}
