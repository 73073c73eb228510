package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A file is known by its SHA-256 per unit, not per installation: the same export imported by the province and by a
 * district must reach both. V40 declared {@code sha256} unique inline, so the constraint's name is the database's
 * own (PostgreSQL {@code imports_job_sha256_key}, H2 {@code CONSTRAINT_...}); it is looked up in the information
 * schema, which both have, and dropped, and the pair (unit, file) made unique instead. In Java because SQL cannot
 * name a constraint it does not know.
 */
public class V51__imports_job_unique_per_unit extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> names = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("""
                select tc.constraint_name
                from information_schema.table_constraints tc
                join information_schema.key_column_usage k
                  on k.constraint_name = tc.constraint_name
                 and k.table_name = tc.table_name
                 and k.table_schema = tc.table_schema
                where lower(tc.table_name) = 'imports_job'
                  and lower(tc.table_schema) = lower(?)
                  and tc.constraint_type = 'UNIQUE'
                group by tc.constraint_name
                having count(*) = 1 and max(lower(k.column_name)) = 'sha256'
                """)) {
            find.setString(1, connection.getSchema());
            try (ResultSet found = find.executeQuery()) {
                while (found.next()) {
                    names.add(found.getString(1));
                }
            }
        }
        try (Statement alter = connection.createStatement()) {
            for (String name : names) {
                alter.execute("alter table imports_job drop constraint \"" + name.replace("\"", "\"\"") + "\"");
            }
            alter.execute("alter table imports_job add constraint imports_job_unit_file unique (unit_id, sha256)");
        }
    }
}
