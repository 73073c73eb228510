package org.factdesk.testing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the SQL statements the desk runs, through H2's own query statistics ({@code SET QUERY_STATISTICS}): how many
 * times each distinct statement was executed between {@link #start()} and {@link #stop()}, in the whole database.
 * Only on H2 ({@link #available()}); tests using it wait for the asynchronous listeners first, so that nothing else
 * runs queries meanwhile.
 */
public final class QueryStatistics {

    private final JdbcClient jdbc;

    public QueryStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static boolean available() {
        return !TestDatabaseEnvironment.onPostgres();
    }

    /** Starts counting afresh. */
    public void start() {
        jdbc.sql("SET QUERY_STATISTICS FALSE").update();
        jdbc.sql("SET QUERY_STATISTICS TRUE").update();
    }

    /** Stops counting and returns the executions of each statement since {@link #start()}. */
    public Counts stop() {
        Map<String, Integer> executions = new LinkedHashMap<>();
        jdbc.sql("select sql_statement, execution_count from information_schema.query_statistics")
                .query(rs -> {
                    String statement = rs.getString(1);
                    if (!statement.toLowerCase(Locale.ROOT).contains("information_schema.query_statistics")) {
                        executions.merge(statement, rs.getInt(2), Integer::sum);
                    }
                });
        jdbc.sql("SET QUERY_STATISTICS FALSE").update();
        return new Counts(executions);
    }

    /** Executions by statement. */
    public record Counts(Map<String, Integer> byStatement) {

        /** How many executions of statements that mention {@code text} (a table name, say), case-insensitively. */
        public int of(String text) {
            String needle = text.toLowerCase(Locale.ROOT);
            return byStatement.entrySet().stream()
                    .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).contains(needle))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            byStatement.forEach((statement, count) -> text.append(count)
                    .append(" × ")
                    .append(statement.replaceAll("\\s+", " "))
                    .append('\n'));
            return text.toString();
        }
    }
}
