package org.factdesk.tipline.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored tips, the fact-checks sent for them, and the updates each channel's webhook delivered. */
@Repository
public class Tips {

    public enum Status {
        /** No public fact-check answered it yet; the tipper is answered when one is published. */
        WAITING,
        /** A fact-check was sent. */
        ANSWERED
    }

    /**
     * One tip. {@code sender} and {@code contact} are as stored: encrypted (see {@link SenderVault}).
     */
    public record Tip(
            UUID id,
            String reference,
            String channel,
            @Nullable String channelMessageId,
            ItemId item,
            Language language,
            @Nullable String sender,
            @Nullable String contact,
            Status status,
            Instant receivedAt,
            @Nullable Instant answeredAt) {}

    private static final String COLUMNS = """
            id, reference, channel, channel_message_id, item_id, language, sender, contact, status, received_at,
            answered_at""";

    private final JdbcClient jdbc;

    Tips(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Tip tip) {
        jdbc.sql("""
                insert into tipline_tip (id, reference, channel, channel_message_id, item_id, language, sender, contact,
                    status, received_at, answered_at)
                values (:id, :reference, :channel, :messageId, :item, :language, :sender, :contact, :status,
                    :receivedAt, :answeredAt)
                """)
                .param("id", tip.id())
                .param("reference", tip.reference())
                .param("channel", tip.channel())
                .param("messageId", tip.channelMessageId())
                .param("item", tip.item().value())
                .param("language", tip.language().code())
                .param("sender", tip.sender())
                .param("contact", tip.contact())
                .param("status", tip.status().name())
                .param("receivedAt", toDb(tip.receivedAt()))
                .param("answeredAt", toDb(tip.answeredAt()))
                .update();
    }

    public Optional<Tip> findByMessage(String channel, String messageId) {
        return jdbc.sql("select " + COLUMNS
                        + " from tipline_tip where channel = :channel and channel_message_id = :messageId")
                .param("channel", channel)
                .param("messageId", messageId)
                .query(Tips::map)
                .optional();
    }

    public Optional<Tip> findByReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from tipline_tip where reference = :reference")
                .param("reference", reference)
                .query(Tips::map)
                .optional();
    }

    /** Tips about these items that can still be answered (their sender is kept), oldest first. */
    public List<Tip> answerableAbout(Collection<ItemId> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + """
                         from tipline_tip where item_id in (:items) and sender is not null
                        order by received_at""")
                .param("items", items.stream().map(ItemId::value).toList())
                .query(Tips::map)
                .list();
    }

    /** Records that the fact-check of {@code caseId} was sent for the tip; false when it had been already. */
    public boolean recordDelivery(UUID tip, CaseId caseId, Instant at) {
        // "on conflict do nothing" rather than catching the duplicate: on PostgreSQL a failed insert aborts the
        // whole transaction.
        int inserted = jdbc.sql("""
                insert into tipline_delivery (tip_id, case_id, sent_at) values (:tip, :caseId, :at)
                on conflict do nothing
                """)
                .param("tip", tip)
                .param("caseId", caseId.value())
                .param("at", toDb(at))
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("update tipline_tip set status = 'ANSWERED', answered_at = coalesce(answered_at, :at) where id = :tip")
                .param("tip", tip)
                .param("at", toDb(at))
                .update();
        return true;
    }

    public boolean delivered(UUID tip, CaseId caseId) {
        return jdbc.sql("select count(*) from tipline_delivery where tip_id = :tip and case_id = :caseId")
                        .param("tip", tip)
                        .param("caseId", caseId.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Erases the sender address and contact of tips received before {@code cutoff}; returns how many. */
    public int eraseSenders(Instant cutoff, Instant now) {
        return jdbc.sql("""
                update tipline_tip set sender = null, contact = null, sender_erased_at = :now
                where received_at < :cutoff and (sender is not null or contact is not null)
                """)
                .param("cutoff", toDb(cutoff))
                .param("now", toDb(now))
                .update();
    }

    /**
     * Records an update delivered by a channel's webhook; false when it was recorded before (a retry), and then
     * nothing is written.
     */
    public boolean recordUpdate(String channel, long updateId, String outcome, String kind, Instant at) {
        return jdbc.sql("""
                        insert into tipline_update (channel, update_id, outcome, kind, received_at)
                        values (:channel, :updateId, :outcome, :kind, :at)
                        on conflict do nothing
                        """)
                        .param("channel", channel)
                        .param("updateId", updateId)
                        .param("outcome", outcome)
                        .param("kind", kind)
                        .param("at", toDb(at))
                        .update()
                > 0;
    }

    public boolean updateRecorded(String channel, long updateId) {
        return updateOutcome(channel, updateId).isPresent();
    }

    public Optional<String> updateOutcome(String channel, long updateId) {
        return jdbc.sql("select outcome from tipline_update where channel = :channel and update_id = :updateId")
                .param("channel", channel)
                .param("updateId", updateId)
                .query(String.class)
                .optional();
    }

    private static Tip map(ResultSet rs, int row) throws SQLException {
        return new Tip(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                rs.getString("channel"),
                rs.getString("channel_message_id"),
                new ItemId(rs.getObject("item_id", UUID.class)),
                Language.fromCode(rs.getString("language")),
                rs.getString("sender"),
                rs.getString("contact"),
                Status.valueOf(rs.getString("status")),
                instant(rs, "received_at"),
                org.factdesk.shared.Timestamps.instantOrNull(rs, "answered_at"));
    }
}
