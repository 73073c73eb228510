package org.factdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresBatchingTests {

    @Test
    void rewritesBatchedInsertsOnPostgresqlOnlyAndKeepsAnExplicitChoice() {
        assertThat(PostgresBatching.applies("jdbc:postgresql://db:5432/factdesk"))
                .isTrue();
        assertThat(PostgresBatching.applies("jdbc:postgresql://db/factdesk?reWriteBatchedInserts=false"))
                .isFalse();
        assertThat(PostgresBatching.applies("jdbc:h2:file:./data/db/factdesk;MODE=PostgreSQL"))
                .isFalse();
        assertThat(PostgresBatching.applies(null)).isFalse();

        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:postgresql://db:5432/factdesk");
            new PostgresBatching().postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
        }
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:x");
            new PostgresBatching().postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties()).isEmpty();
        }
    }
}
