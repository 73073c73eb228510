package org.factdesk.intake.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.toDb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.factdesk.intake.IntakeExceptions.InvalidItem;
import org.factdesk.intake.ItemAttachment;
import org.factdesk.shared.DataDirectory;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Uuids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Attachments of items: the bytes under {@code <data-dir>/attachments/<sha256>}, one file per content, and a row per
 * item and content. Only images are accepted, recognised from their first bytes, never from a declared type.
 */
@Repository
public class Attachments {

    /** Larger than any photo the tipline channels deliver (Telegram's Bot API serves files up to 20 MB). */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final DataDirectory dataDirectory;

    Attachments(JdbcClient jdbc, DataDirectory dataDirectory) {
        this.jdbc = jdbc;
        this.dataDirectory = dataDirectory;
    }

    public ItemAttachment attach(ItemId item, byte[] content, Instant now) {
        if (content.length == 0) {
            throw new InvalidItem("intake.error.attachment-empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidItem("intake.error.attachment-too-large", MAX_BYTES / (1024 * 1024));
        }
        String mediaType = imageType(content);
        if (mediaType == null) {
            throw new InvalidItem("intake.error.attachment-type");
        }
        String sha256 = sha256(content);
        List<ItemAttachment> existing = of(item).stream()
                .filter(attachment -> attachment.sha256().equals(sha256))
                .toList();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        write(sha256, content);
        ItemAttachment attachment =
                new ItemAttachment(Uuids.timeOrdered(), item, sha256, mediaType, content.length, now);
        jdbc.sql("""
                insert into intake_attachment (id, item_id, sha256, media_type, size_bytes, received_at)
                values (:id, :item, :sha256, :mediaType, :size, :receivedAt)
                """)
                .param("id", attachment.id())
                .param("item", item.value())
                .param("sha256", sha256)
                .param("mediaType", mediaType)
                .param("size", attachment.sizeBytes())
                .param("receivedAt", toDb(now))
                .update();
        return attachment;
    }

    public List<ItemAttachment> of(ItemId item) {
        return jdbc.sql("""
                select id, item_id, sha256, media_type, size_bytes, received_at from intake_attachment
                where item_id = :item order by received_at, id
                """)
                .param("item", item.value())
                .query((rs, row) -> new ItemAttachment(
                        rs.getObject("id", UUID.class),
                        new ItemId(rs.getObject("item_id", UUID.class)),
                        rs.getString("sha256"),
                        rs.getString("media_type"),
                        rs.getLong("size_bytes"),
                        instant(rs, "received_at")))
                .list();
    }

    /** Where the bytes of an attachment are stored. */
    public Path file(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return dataDirectory.resolve("attachments").resolve(sha256);
    }

    private void write(String sha256, byte[] content) {
        Path target = file(sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            Path temporary = Files.createTempFile(target.getParent(), "attachment-", ".part");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store attachment " + sha256, e);
        }
    }

    static @Nullable String imageType(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(bytes, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (bytes.length >= 12
                && startsWith(bytes, 'R', 'I', 'F', 'F')
                && bytes[8] == 'W'
                && bytes[9] == 'E'
                && bytes[10] == 'B'
                && bytes[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
