package org.factdesk.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.factdesk.shared.DataDirectory;
import org.springframework.stereotype.Component;

/**
 * Bodies of archived responses, gzip-compressed under {@code <data-dir>/archive}, one file per SHA-256. A file is
 * written to a temporary name and moved into place, so a reader never sees half a body, and content already stored
 * is not written again.
 */
@Component
public class SnapshotStore {

    private final DataDirectory dataDirectory;

    SnapshotStore(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Stores {@code body}, whose SHA-256 the caller computed, unless a body of that hash is stored already. */
    public void store(String sha256, byte[] body) {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), sha256, ".part");
            try {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temporary), 64 * 1024)) {
                    out.write(body);
                }
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException other) {
                    if (!Files.exists(target)) {
                        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot archive body " + sha256, e);
        }
    }

    /** The stored body of this hash, decompressed; the caller closes it. */
    public InputStream open(String sha256) {
        try {
            return new GZIPInputStream(Files.newInputStream(path(sha256)), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("Archived body " + sha256 + " is missing", e);
        }
    }

    private Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return dataDirectory.resolve("archive").resolve(sha256.substring(0, 2)).resolve(sha256 + ".gz");
    }
}
