package org.factdesk.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.factdesk.cases.CaseExceptions.FileTooLarge;
import org.factdesk.cases.CaseExceptions.FileTypeRefused;
import org.factdesk.cases.CaseExceptions.InvalidCaseInput;
import org.factdesk.cases.EvidenceFile;
import org.factdesk.shared.DataDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Keeps uploaded evidence under {@code <data-dir>/evidence}, one file per content, named by its SHA-256: the same
 * document uploaded to two cases is stored once, and a stored file can be checked against its recorded hash.
 *
 * <p>An upload is streamed to a temporary file while its size is counted, its hash computed and its type recognised
 * from its bytes; it is refused, and the temporary file removed, when it is too large or of no allowed type.
 */
@Component
public class EvidenceStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern UNSAFE_NAME_CHARACTERS = Pattern.compile("[\\p{Cc}\\p{Cf}\"\\\\/]");
    private static final int MAX_NAME = 255;

    private final DataDirectory dataDirectory;
    private final DataSize maxFileSize;

    EvidenceStore(DataDirectory dataDirectory, CasesProperties properties) {
        this.dataDirectory = dataDirectory;
        this.maxFileSize = properties.evidence().maxFileSize();
    }

    /**
     * Stores an upload and describes it.
     *
     * @param originalName the name the uploader's computer gave it; only its last path segment is kept
     * @throws FileTooLarge when it is larger than {@code factdesk.cases.evidence.max-file-size}
     * @throws FileTypeRefused when its bytes are none of the {@link FileType}s
     * @throws InvalidCaseInput when it is empty
     */
    public EvidenceFile store(@Nullable String originalName, InputStream content) {
        Path directory = dataDirectory.resolve("evidence");
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            FileType.TextCheck text = new FileType.TextCheck();
            byte[] header = new byte[FileType.HEADER_LENGTH];
            int headerLength = 0;
            long size = 0;
            long limit = maxFileSize.toBytes();
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(temporary)) {
                int read;
                while ((read = content.read(buffer)) != -1) {
                    size += read;
                    if (size > limit) {
                        throw new FileTooLarge(readable(maxFileSize));
                    }
                    if (headerLength < header.length) {
                        int copied = Math.min(read, header.length - headerLength);
                        System.arraycopy(buffer, 0, header, headerLength, copied);
                        headerLength += copied;
                    }
                    digest.update(buffer, 0, read);
                    text.update(buffer, read);
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new InvalidCaseInput("cases.error.file-empty");
            }
            Optional<FileType> binary = FileType.sniffBinary(header, headerLength);
            FileType type = binary.orElseGet(() -> text.isText() ? FileType.TEXT : null);
            if (type == null) {
                throw new FileTypeRefused();
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            Path target = directory.resolve(sha256);
            if (Files.exists(target)) {
                Files.delete(temporary);
            } else {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            temporary = null;
            return new EvidenceFile(cleanName(originalName, type), type.contentType(), size, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store an evidence file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // A leftover .part file holds no evidence and is overwritten by nothing; it can be deleted by hand.
                }
            }
        }
    }

    /** Where the content with this hash is kept. */
    public Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return dataDirectory.resolve("evidence").resolve(sha256);
    }

    public DataSize maxFileSize() {
        return maxFileSize;
    }

    /** A size for messages: 10 MB, 512 KB or 300 B. */
    public static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " B";
    }

    /** The last segment of the name, without control characters, quotes or slashes, at most 255 characters. */
    static String cleanName(@Nullable String originalName, FileType type) {
        String name = originalName == null ? "" : originalName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = UNSAFE_NAME_CHARACTERS
                .matcher(name.substring(slash + 1))
                .replaceAll("")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "evidence." + type.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - extension.length()) + extension;
        }
        return name;
    }
}
