package org.factdesk.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own: an in-memory H2 database in PostgreSQL mode by
 * default, or, when {@code FACTDESK_TEST_DB_URL} points at a PostgreSQL database (as {@code .ci/run} does), a fresh
 * schema in it. Contexts cached side by side never see each other's rows, on either database.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String TEST_DB_URL = "FACTDESK_TEST_DB_URL";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> properties = new HashMap<>();
        String postgres = environment.getProperty(TEST_DB_URL, "");
        if (!postgres.isBlank()) {
            String schema = "test_" + id;
            properties.put(
                    "spring.datasource.url",
                    postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            properties.put("spring.datasource.username", environment.getProperty("FACTDESK_TEST_DB_USER", "factdesk"));
            properties.put(
                    "spring.datasource.password", environment.getProperty("FACTDESK_TEST_DB_PASSWORD", "factdesk"));
            properties.put("spring.flyway.schemas", schema);
            properties.put("spring.flyway.default-schema", schema);
            properties.put("spring.flyway.create-schemas", "true");
        } else {
            properties.put(
                    "spring.datasource.url",
                    "jdbc:h2:mem:test" + id
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        // Tests serve pages and feeds from loopback servers on 127.0.0.1; every other private address stays refused,
        // and so do public sites: items that name facebook.com or zalo.me never make a test reach the internet.
        properties.put("factdesk.intake.fetch.allowed-hosts", "127.0.0.1");
        properties.put("factdesk.intake.fetch.allowed-hosts-only", "true");
        properties.put("factdesk.data-dir", Path.of("target", "test-data", id).toString());
        environment.getPropertySources().addFirst(new MapPropertySource("factdesk-test-database", properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** True when this run tests against PostgreSQL. */
    public static boolean onPostgres() {
        String url = System.getenv(TEST_DB_URL);
        return url != null && !url.isBlank();
    }
}
