package org.factdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.factdesk.testing.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The desk's own pool gets the option on PostgreSQL (the suite runs on both databases under CI), and only there. */
@DeskTest
class PostgresBatchingInDeskTests {

    @Autowired
    DataSource dataSource;

    @Test
    void theDesksPoolRewritesBatchedInsertsOnPostgresqlOnly() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        boolean postgres = pool.getJdbcUrl().startsWith("jdbc:postgresql:");
        if (postgres) {
            assertThat(pool.getDataSourceProperties()).containsEntry(PostgresBatching.OPTION, "true");
        } else {
            assertThat(pool.getDataSourceProperties()).doesNotContainKey(PostgresBatching.OPTION);
        }
    }
}
