package org.factdesk.network.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.instantOrNull;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.network.ApiToken;
import org.factdesk.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens, stored as SHA-256 hashes of their secrets. */
@Repository
public class ApiTokens {

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UserId owner, ApiToken token, String secretHash) {
        jdbc.sql("""
                insert into network_api_token (id, user_id, name, prefix, token_hash, created_at)
                values (:id, :user, :name, :prefix, :hash, :createdAt)
                """)
                .param("id", token.id())
                .param("user", owner.value())
                .param("name", token.name())
                .param("prefix", token.prefix())
                .param("hash", secretHash)
                .param("createdAt", toDb(token.createdAt()))
                .update();
    }

    public List<ApiToken> of(UserId owner) {
        return jdbc.sql("""
                select id, name, prefix, created_at, last_used_at, revoked_at from network_api_token
                where user_id = :user order by created_at desc
                """).param("user", owner.value()).query(ApiTokens::map).list();
    }

    /** The owner of an active token with this hash. */
    public Optional<UserId> activeOwner(String secretHash) {
        return jdbc.sql("select user_id from network_api_token where token_hash = :hash and revoked_at is null")
                .param("hash", secretHash)
                .query((rs, row) -> new UserId(rs.getObject("user_id", UUID.class)))
                .optional();
    }

    public void touch(String secretHash, Instant at) {
        jdbc.sql("update network_api_token set last_used_at = :at where token_hash = :hash")
                .param("at", toDb(at))
                .param("hash", secretHash)
                .update();
    }

    /** Revokes a token of this owner; false when the owner has no such active token. */
    public boolean revoke(UserId owner, UUID tokenId, Instant at) {
        return jdbc.sql("""
                update network_api_token set revoked_at = :at
                where id = :id and user_id = :user and revoked_at is null
                """)
                        .param("at", toDb(at))
                        .param("id", tokenId)
                        .param("user", owner.value())
                        .update()
                == 1;
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("prefix"),
                instant(rs, "created_at"),
                instantOrNull(rs, "last_used_at"),
                instantOrNull(rs, "revoked_at"));
    }
}
