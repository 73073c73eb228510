package org.factdesk.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The installation's data directory ({@code FACTDESK_DATA_DIR}, default {@code ./data}): database, files, indexes. */
@Component
public class DataDirectory {

    private final Path root;

    public DataDirectory(@Value("${factdesk.data-dir}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** A sub-directory, created when missing. */
    public Path resolve(String name) {
        Path directory = root.resolve(name);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }
}
