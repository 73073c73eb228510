package org.factdesk.network.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.network.Role;
import org.factdesk.network.UserAccount;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** User accounts and their memberships. E-mail addresses are stored lower-cased. */
@Repository
public class Accounts {

    private static final String SELECT_USER = """
            select id, email, display_name, password_hash, locale, enabled, created_at from network_user
            """;

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored account with its password hash, for sign-in only. */
    public record StoredAccount(UserAccount account, String passwordHash) {}

    public void insert(
            UserId id, String email, String displayName, String passwordHash, Language language, Instant at) {
        jdbc.sql("""
                insert into network_user (id, email, display_name, password_hash, locale, enabled, created_at)
                values (:id, :email, :displayName, :hash, :locale, true, :createdAt)
                """)
                .param("id", id.value())
                .param("email", normalise(email))
                .param("displayName", displayName)
                .param("hash", passwordHash)
                .param("locale", language.code())
                .param("createdAt", toDb(at))
                .update();
    }

    public void grant(UserId user, UnitId unit, Role role) {
        int updated = jdbc.sql("update network_membership set role = :role where user_id = :user and unit_id = :unit")
                .param("role", role.name())
                .param("user", user.value())
                .param("unit", unit.value())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into network_membership (user_id, unit_id, role) values (:user, :unit, :role)")
                    .param("role", role.name())
                    .param("user", user.value())
                    .param("unit", unit.value())
                    .update();
        }
    }

    public void revoke(UserId user, UnitId unit) {
        jdbc.sql("delete from network_membership where user_id = :user and unit_id = :unit")
                .param("user", user.value())
                .param("unit", unit.value())
                .update();
    }

    public void setEnabled(UserId user, boolean enabled) {
        jdbc.sql("update network_user set enabled = :enabled where id = :id")
                .param("enabled", enabled)
                .param("id", user.value())
                .update();
    }

    public void setLanguage(UserId user, Language language) {
        jdbc.sql("update network_user set locale = :locale where id = :id")
                .param("locale", language.code())
                .param("id", user.value())
                .update();
    }

    public void setPasswordHash(UserId user, String hash) {
        jdbc.sql("update network_user set password_hash = :hash where id = :id")
                .param("hash", hash)
                .param("id", user.value())
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from network_user").query(Long.class).single();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from network_user where email = :email")
                        .param("email", normalise(email))
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<StoredAccount> findByEmail(String email) {
        return jdbc.sql(SELECT_USER + " where email = :email")
                .param("email", normalise(email))
                .query((rs, row) -> new StoredAccount(map(rs), rs.getString("password_hash")))
                .optional()
                .map(stored -> new StoredAccount(withRoles(stored.account()), stored.passwordHash()));
    }

    public Optional<UserAccount> find(UserId id) {
        return jdbc.sql(SELECT_USER + " where id = :id")
                .param("id", id.value())
                .query((rs, row) -> map(rs))
                .optional()
                .map(this::withRoles);
    }

    public List<UserAccount> all() {
        List<UserAccount> accounts = jdbc.sql(SELECT_USER + " order by display_name")
                .query((rs, row) -> map(rs))
                .list();
        Map<UserId, Map<UnitId, Role>> roles = new HashMap<>();
        jdbc.sql("select user_id, unit_id, role from network_membership").query(rs -> {
            roles.computeIfAbsent(new UserId(rs.getObject("user_id", UUID.class)), key -> new LinkedHashMap<>())
                    .put(new UnitId(rs.getObject("unit_id", UUID.class)), Role.valueOf(rs.getString("role")));
        });
        return accounts.stream()
                .map(account -> withRoles(account, roles.getOrDefault(account.id(), Map.of())))
                .toList();
    }

    public Map<UserId, String> displayNames(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UserId, String> names = new HashMap<>();
        jdbc.sql("select id, display_name from network_user where id in (:ids)")
                .param("ids", ids.stream().map(UserId::value).toList())
                .query(rs -> {
                    names.put(new UserId(rs.getObject("id", UUID.class)), rs.getString("display_name"));
                });
        return names;
    }

    private UserAccount withRoles(UserAccount account) {
        Map<UnitId, Role> roles = new LinkedHashMap<>();
        jdbc.sql("select unit_id, role from network_membership where user_id = :id")
                .param("id", account.id().value())
                .query(rs -> {
                    roles.put(new UnitId(rs.getObject("unit_id", UUID.class)), Role.valueOf(rs.getString("role")));
                });
        return withRoles(account, roles);
    }

    private static UserAccount withRoles(UserAccount account, Map<UnitId, Role> roles) {
        return new UserAccount(
                account.id(),
                account.email(),
                account.displayName(),
                account.language(),
                account.enabled(),
                roles,
                account.createdAt());
    }

    private static UserAccount map(ResultSet rs) throws SQLException {
        return new UserAccount(
                new UserId(rs.getObject("id", UUID.class)),
                rs.getString("email"),
                rs.getString("display_name"),
                Language.fromCode(rs.getString("locale")),
                rs.getBoolean("enabled"),
                Map.of(),
                instant(rs, "created_at"));
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
