package org.factdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * FactDesk: a misinformation-response desk. Each top-level package is one capability (an application module).
 *
 * <p>Run with {@code --demo} to load the sample desk.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class FactDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(FactDeskApplication.class, args);
    }
}
