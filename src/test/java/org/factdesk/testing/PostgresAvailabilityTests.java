package org.factdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Under CI ({@code CI=true}) the PostgreSQL pass is not optional: a missing server fails the build instead of
 * letting the suite quietly run on H2 alone. On a developer machine without PostgreSQL this test is skipped.
 */
class PostgresAvailabilityTests {

    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/factdesk_test";

    @Test
    void postgresIsReachableUnderCi() {
        String url = System.getenv().getOrDefault(TestDatabaseEnvironment.TEST_DB_URL, "");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        String target = url.isBlank() ? DEFAULT_URL : url;
        try (Connection connection = DriverManager.getConnection(target, "factdesk", "factdesk")) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        } catch (SQLException unreachable) {
            if (ci) {
                throw new AssertionError(
                        "CI=true but PostgreSQL is not reachable at " + target + "; .ci/run must start it",
                        unreachable);
            }
            assumeThat(ci)
                    .as("PostgreSQL not reachable at %s (%s): skipped outside CI", target, unreachable.getMessage())
                    .isTrue();
        }
    }
}
