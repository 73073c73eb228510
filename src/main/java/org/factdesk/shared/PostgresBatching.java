package org.factdesk.shared;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the PostgreSQL driver send a JDBC batch of inserts as multi-row {@code insert ... values (...), (...)}
 * statements ({@code reWriteBatchedInserts}) instead of one statement per row. Intake stores an import batch of 500
 * posts as a few such batches (items, sightings, fingerprints, band keys); rewritten, the bulk import runs about a
 * quarter faster on PostgreSQL (see docs/benchmarks.md). Only PostgreSQL URLs are touched, and a URL that sets the
 * option itself keeps its choice. Results of batched updates are unaffected: the driver rewrites inserts only.
 */
@Component
class PostgresBatching implements BeanPostProcessor {

    static final String OPTION = "reWriteBatchedInserts";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && applies(pool.getJdbcUrl())) {
            pool.addDataSourceProperty(OPTION, "true");
        }
        return bean;
    }

    static boolean applies(String url) {
        return url != null && url.startsWith("jdbc:postgresql:") && !url.contains(OPTION);
    }
}
