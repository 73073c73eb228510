package org.factdesk.matching.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Claim vectors, computed once per claim text and model and kept in one flat float array (row-major), so candidates
 * are scored by dot products without per-object overhead. Persisted to a compact binary file (model name, dimension,
 * then per row the text's 64-bit hash and its floats) so that a rebuild of the index never embeds again.
 */
final class EmbeddingStore {

    private static final System.Logger LOG = System.getLogger(EmbeddingStore.class.getName());
    private static final int MAGIC = 0x46444556; // "FDEV"
    private static final int BATCH = 256;

    private final Embedder embedder;
    private final @Nullable Path file;
    private final Map<Long, Integer> rows = new HashMap<>();
    private float[] data = new float[0];
    private int dimension = -1;
    /** Rows the file holds (its count); appends go after them. 0 until the file holds this model's vectors. */
    private int saved;

    EmbeddingStore(Embedder embedder, @Nullable Path file) {
        this.embedder = embedder;
        this.file = file;
        if (file != null && Files.exists(file)) {
            load(file);
        }
    }

    Embedder embedder() {
        return embedder;
    }

    static long key(String text) {
        return Long.parseUnsignedLong(Groups.hex(text).substring(0, 16), 16);
    }

    /** Embeds the texts not yet stored, in batches, and saves the file when anything was added. */
    synchronized void ensure(Collection<String> texts) {
        Set<String> missing = new LinkedHashSet<>();
        for (String text : texts) {
            if (!rows.containsKey(key(text))) {
                missing.add(text);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> pending = new ArrayList<>(missing);
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<String> batch = pending.subList(from, Math.min(pending.size(), from + BATCH));
            List<float[]> vectors = embedder.embedPassages(batch);
            for (int i = 0; i < batch.size(); i++) {
                add(key(batch.get(i)), vectors.get(i));
            }
        }
        save();
    }

    synchronized int size() {
        return rows.size();
    }

    /**
     * The dot product of {@code query} with the vector of each text key (a cosine, both being normalised), 0 for a
     * key without a vector. One call per query, so that concurrent queries take the lock once each.
     */
    synchronized double[] dots(long[] keys, float[] query) {
        double[] out = new double[keys.length];
        for (int k = 0; k < keys.length; k++) {
            Integer row = rows.get(keys[k]);
            if (row == null) {
                continue;
            }
            int offset = row * dimension;
            float sum = 0;
            for (int i = 0; i < dimension; i++) {
                sum += data[offset + i] * query[i];
            }
            out[k] = sum;
        }
        return out;
    }

    /** The vector of a text key (a copy), or null when it has none. */
    synchronized float @Nullable [] vector(long key) {
        Integer row = rows.get(key);
        return row == null ? null : Arrays.copyOfRange(data, row * dimension, (row + 1) * dimension);
    }

    private void add(long key, float[] vector) {
        if (dimension < 0) {
            dimension = vector.length;
        } else if (vector.length != dimension) {
            throw new IllegalStateException("Embedder changed dimension: " + vector.length + " != " + dimension);
        }
        int row = rows.size();
        if ((row + 1) * dimension > data.length) {
            data = Arrays.copyOf(data, Math.max(dimension * 64, data.length * 2));
        }
        System.arraycopy(vector, 0, data, row * dimension, dimension);
        rows.put(key, row);
    }

    private void load(Path path) {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a vectors file");
            }
            String model = in.readUTF();
            if (!model.equals(embedder.name())) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "Vectors in {0} are of model {1}, not {2}: embedding again",
                        path,
                        model,
                        embedder.name());
                return;
            }
            int dim = in.readInt();
            int count = in.readInt();
            float[] vector = new float[dim];
            for (int r = 0; r < count; r++) {
                long key = in.readLong();
                for (int i = 0; i < dim; i++) {
                    vector[i] = in.readFloat();
                }
                add(key, vector);
            }
            saved = count;
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Unreadable vectors file {0} ({1}): embedding again",
                    path,
                    e.toString());
            rows.clear();
            data = new float[0];
            dimension = -1;
            saved = 0;
        }
    }

    /**
     * Writes the rows added since the last save. They are appended after the rows the file holds, and the count in the
     * header is updated last: a file cut short by a crash still holds its counted rows, and the next append cuts off
     * whatever came after them. (Rewriting the whole file for every new claim made publishing thousands of claims
     * one by one quadratic.) The first save, or one after an unreadable or other model's file, writes it whole.
     */
    private void save() {
        if (file == null || saved == rows.size()) {
            return;
        }
        try {
            if (saved > 0 && Files.exists(file)) {
                append(file);
            } else {
                rewrite(file);
            }
            saved = rows.size();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save vectors to {0}: {1}", file, e.toString());
        }
    }

    private void append(Path path) throws IOException {
        long rowBytes = 8L + 4L * dimension;
        long[] keys = keysByRow();
        long countOffset = countOffset(embedder.name());
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            long end = countOffset + 4 + saved * rowBytes;
            file.setLength(end);
            file.seek(end);
            // Not closed here: closing the stream would close the file before the count is written.
            var out = new DataOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(file.getChannel()), 1 << 16));
            writeRows(out, keys, saved);
            out.flush();
            file.seek(countOffset);
            file.writeInt(keys.length);
        }
    }

    private void writeRows(DataOutputStream out, long[] keys, int from) throws IOException {
        for (int r = from; r < keys.length; r++) {
            out.writeLong(keys[r]);
            for (int i = 0; i < dimension; i++) {
                out.writeFloat(data[r * dimension + i]);
            }
        }
    }

    private void rewrite(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
        long[] keys = keysByRow();
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeUTF(embedder.name());
            out.writeInt(Math.max(dimension, 0));
            out.writeInt(keys.length);
            writeRows(out, keys, 0);
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private long[] keysByRow() {
        long[] keys = new long[rows.size()];
        rows.forEach((key, row) -> keys[row] = key);
        return keys;
    }

    /** Where the row count is in a file of {@code model}: after the magic number, the model's name and the dimension. */
    private static long countOffset(String model) throws IOException {
        var name = new java.io.ByteArrayOutputStream();
        new DataOutputStream(name).writeUTF(model);
        return 4L + name.size() + 4L;
    }
}
