package org.factdesk.intake.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.factdesk.shared.DataDirectory;
import org.factdesk.shared.ItemId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The band keys of the stored fingerprints ({@link NearDuplicateFingerprint#bandKeys()}), for finding the stored items
 * that share at least a few of them with a new text: a Lucene index under the data directory ({@code index/bands}),
 * one document per fingerprinted item with its 32 keys as terms. The database stays the record: the index is derived
 * from {@code intake_fingerprint} (which items have a fingerprint) and the items' title and text (what it is, computed
 * again by {@link NearDuplicateFingerprint#ofItem}), and can always be rebuilt from them.
 *
 * <p><b>Keeping in step.</b> Items stored on this node are added as they are stored, inside their transaction (a
 * transaction that then rolls back leaves a document whose item does not exist; it is harmless, as a candidate's
 * cluster is read from the database, which does not have it). Before each lookup the index catches up
 * with the rows of {@code intake_fingerprint} whose sequence is above the last one it has seen, and with those below
 * it that it has not read yet (gaps, within a margin of {@value #LOOKBACK}: rows of other nodes whose transactions
 * commit out of sequence order), adding those it lacks: items stored by other nodes, or stored before the index
 * existed. Its id postings carry Bloom filters (see {@link #CODEC}). A missing, unreadable, foreign (one that has
 * seen more rows than the database has) or older ({@link #SCHEMA_VERSION}) index is rebuilt from the table. The
 * sequence seen is recorded with each Lucene commit, made at most every {@value #COMMIT_SECONDS} seconds and on
 * shutdown; after a crash the catch-up adds again what the last commit lacked.
 *
 * <p>Each document also holds the item's signature, which never changes, so that the candidates come with what
 * verifying them needs: reading the candidates' signatures from the database was a fifth of a 200,000-row import, each
 * row from a random place of a table larger than the page cache. The database does not keep the signatures at all
 * (2 KB of hex an item, three quarters of what an import wrote to it). Their clusters, which can change, are still read
 * from the database, for the candidates that pass the verification only.
 *
 * <p>Why not the database: 32 rows per item at random places of one B-tree were most of what a bulk import wrote,
 * committed and serialised (H2's page writer and commit walk every such row).
 */
@Component
class BandIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BandIndex.class);

    static final String ID = "id";
    static final String ITEM = "item";
    static final String BAND = "band";
    static final String SIGNATURE = "signature";
    static final String SEQ = "seq";
    static final String SCHEMA = "schema";
    /**
     * The version of the documents' fields, recorded with each commit; an index of another version is rebuilt from the
     * database. 2: each document holds its item's signature.
     */
    static final String SCHEMA_VERSION = "2";

    static final int LOOKBACK = 1000;
    static final int COMMIT_SECONDS = 30;
    private static final int CHUNK = 500;

    /**
     * The default codec with Bloom-filtered postings for the item ids, which the catch-up looks up in every segment
     * for each row it reads. The band keys are not filtered: with a filter sized for their 32 terms a document (Lucene's
     * default factory sizes for one, which 32 saturate, and a saturated filter is not written) the lookups of a
     * 20,000-row import took a third less time in a profile, but a 200,000-row import ran 13% slower (363 against 415
     * rows/s): each merge passes over every key and its postings once more to fill the filter, and in the large
     * segments most keys looked up are there anyway.
     */
    private static final Codec CODEC = new Lucene912Codec() {
        private final PostingsFormat bloom = new BloomFilteringPostingsFormat(new Lucene912PostingsFormat());

        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return field.equals(ID) ? bloom : super.getPostingsFormatForField(field);
        }
    };

    private final JdbcClient jdbc;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ReentrantLock catchUp = new ReentrantLock();
    private volatile long seen;
    /**
     * The sequence numbers within {@value #LOOKBACK} below {@link #seen} that no row read had; null before the first
     * catch-up.
     */
    private @Nullable TreeSet<Long> gaps;

    private boolean checked;
    private long lastCommit = System.nanoTime();

    @Autowired
    BandIndex(DataDirectory data, JdbcClient jdbc) {
        this(data.resolve("index").resolve("bands"), jdbc);
    }

    BandIndex(Path path, JdbcClient jdbc) {
        this.jdbc = jdbc;
        try {
            this.directory = FSDirectory.open(path);
            IndexWriter opened;
            boolean rebuilt = false;
            try {
                opened = open(directory, false);
                if (!SCHEMA_VERSION.equals(commitValue(opened, SCHEMA))) {
                    if (opened.getDocStats().maxDoc > 0) {
                        log.info("The band index at {} is of an older version; rebuilding it from the database", path);
                    }
                    opened.close();
                    opened = open(directory, true);
                    rebuilt = true;
                }
            } catch (IOException | RuntimeException unreadable) {
                log.warn("The band index at {} cannot be read ({}); rebuilding it from the database", path, unreadable);
                opened = open(directory, true);
                rebuilt = true;
            }
            this.writer = opened;
            String seq = commitValue(opened, SEQ);
            this.seen = rebuilt || seq == null ? 0 : Long.parseLong(seq);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the band index at " + path, e);
        }
    }

    private static IndexWriter open(Directory directory, boolean create) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer())
                .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(32)
                .setCodec(CODEC);
        return new IndexWriter(directory, config);
    }

    private static @Nullable String commitValue(IndexWriter writer, String key) {
        for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
            if (entry.getKey().equals(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * Catches up once the desk is up, on a thread of its own: after an upgrade or on a new node the whole table is
     * read, and the first submission should not wait for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void catchUpInBackground() {
        Thread thread = new Thread(
                () -> {
                    try {
                        catchUp();
                    } catch (RuntimeException failure) {
                        log.warn("Band index: catching up failed; the next lookup tries again", failure);
                    }
                },
                "intake-band-index");
        thread.setDaemon(true);
        thread.start();
    }

    /** Adds a stored item's keys (in the storing transaction); lookups see it from their next catch-up on. */
    void add(ItemId item, NearDuplicateFingerprint print) {
        try {
            writer.updateDocument(new Term(ID, item.value().toString()), document(item, print));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored item found by its band keys: how many of them it shares, and its signature. */
    record Shared(int bands, NearDuplicateFingerprint signature) {}

    /**
     * For each fingerprint, the stored items sharing at least {@code minShared} of its band keys, with how many and
     * their signatures, the most shared first (then the oldest), at most {@code limit}. The keys are looked up with
     * one terms enumeration per segment for the whole call ({@link #sharedBands}), and the documents of each key
     * counted: a Lucene query per fingerprint made an enumeration per key and segment, which was half of a bulk
     * import's time.
     */
    List<Map<ItemId, Shared>> candidates(List<NearDuplicateFingerprint> prints, int minShared, int limit) {
        catchUp();
        List<Map<ItemId, Shared>> out = new ArrayList<>(prints.size());
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                DocLists hits = sharedBands(prints, leaves);
                for (int p = 0; p < prints.size(); p++) {
                    out.add(items(leaves, best(hits.docs[p], hits.sizes[p], minShared, limit)));
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Per fingerprint, the documents found for each of its keys (a document once per key it holds). */
    private static final class DocLists {
        final int[][] docs;
        final int[] sizes;

        DocLists(int prints) {
            docs = new int[prints][];
            sizes = new int[prints];
            for (int p = 0; p < prints; p++) {
                docs[p] = new int[NearDuplicateFingerprint.BANDS];
            }
        }

        void add(int print, int doc) {
            int[] list = docs[print];
            if (sizes[print] == list.length) {
                list = docs[print] = Arrays.copyOf(list, list.length * 2);
            }
            list[sizes[print]++] = doc;
        }
    }

    /**
     * The documents found at least {@code minShared} times among the first {@code size} of {@code docs}, with how many, most first (then
     * the lowest document, the oldest), at most {@code limit}: each as {@code (Integer.MAX_VALUE - count) << 32 | doc},
     * which sorts in that order.
     */
    private static long[] best(int[] docs, int size, int minShared, int limit) {
        Arrays.sort(docs, 0, size);
        long[] found = new long[Math.max(1, size / Math.max(1, minShared))];
        int n = 0;
        for (int from = 0, to; from < size; from = to) {
            to = from + 1;
            while (to < size && docs[to] == docs[from]) {
                to++;
            }
            if (to - from >= minShared) {
                found[n++] = (long) (Integer.MAX_VALUE - (to - from)) << 32 | docs[from];
            }
        }
        Arrays.sort(found, 0, n);
        return Arrays.copyOf(found, Math.min(n, limit));
    }

    /**
     * For each fingerprint, the live documents holding any of its band keys, once per key they share. Every distinct
     * key of the call is looked up once per segment, in the terms' order (unsigned bytes), whichever fingerprints hold
     * it: the seeks then move forward through a segment's terms dictionary, and a small segment's blocks are each read
     * once rather than once per key, where looking up each fingerprint's keys in turn jumped back and forth. The
     * documents are collected in plain int arrays and counted by sorting: counting them in hash maps of boxed integers
     * was most of the lookup's time.
     */
    private static DocLists sharedBands(List<NearDuplicateFingerprint> prints, List<LeafReaderContext> leaves)
            throws IOException {
        int bands = NearDuplicateFingerprint.BANDS;
        long[][] printKeys = new long[prints.size()][];
        // The distinct keys in unsigned order (flipping the sign bit makes a signed sort unsigned).
        long[] flipped = new long[prints.size() * bands];
        for (int p = 0; p < prints.size(); p++) {
            printKeys[p] = prints.get(p).bandKeys();
            for (int band = 0; band < bands; band++) {
                flipped[p * bands + band] = printKeys[p][band] ^ Long.MIN_VALUE;
            }
        }
        Arrays.sort(flipped);
        int distinct = 0;
        for (int i = 0; i < flipped.length; i++) {
            if (i == 0 || flipped[i] != flipped[i - 1]) {
                flipped[distinct++] = flipped[i];
            }
        }
        long[] keys = Arrays.copyOf(flipped, distinct);
        // The fingerprints holding each key: holders[start[k] .. start[k + 1]).
        int[] start = new int[distinct + 1];
        int[] slot = new int[flipped.length];
        for (int p = 0; p < prints.size(); p++) {
            for (int band = 0; band < bands; band++) {
                int k = Arrays.binarySearch(keys, printKeys[p][band] ^ Long.MIN_VALUE);
                slot[p * bands + band] = k;
                start[k + 1]++;
            }
        }
        for (int k = 0; k < distinct; k++) {
            start[k + 1] += start[k];
        }
        int[] holders = new int[slot.length];
        int[] filled = Arrays.copyOf(start, distinct);
        for (int i = 0; i < slot.length; i++) {
            holders[filled[slot[i]]++] = i / bands;
        }

        DocLists hits = new DocLists(prints.size());
        TermsEnum[] enums = termsEnums(leaves, BAND);
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : leaves) {
            TermsEnum terms = enums[leaf.ord];
            if (terms == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int k = 0; k < distinct; k++) {
                if (!terms.seekExact(bytes(keys[k] ^ Long.MIN_VALUE))) {
                    continue;
                }
                postings = terms.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        for (int h = start[k]; h < start[k + 1]; h++) {
                            hits.add(holders[h], leaf.docBase + doc);
                        }
                    }
                }
            }
        }
        return hits;
    }

    /**
     * The items of these documents ({@link #best} entries) with their shared band counts and signatures, in that
     * order.
     */
    private static Map<ItemId, Shared> items(List<LeafReaderContext> leaves, long[] found) throws IOException {
        Map<ItemId, Shared> items = new LinkedHashMap<>();
        for (long entry : found) {
            int doc = (int) entry;
            int shared = Integer.MAX_VALUE - (int) (entry >>> 32);
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            BinaryDocValues ids = leaf.reader().getBinaryDocValues(ITEM);
            BinaryDocValues signatures = leaf.reader().getBinaryDocValues(SIGNATURE);
            int local = doc - leaf.docBase;
            if (ids != null && ids.advanceExact(local) && signatures != null && signatures.advanceExact(local)) {
                items.put(new ItemId(uuid(ids.binaryValue())), new Shared(shared, signature(signatures.binaryValue())));
            }
        }
        return items;
    }

    /**
     * Adds the fingerprints stored since the last catch-up that the index lacks (other nodes', older ones). Rows are
     * read from the lowest sequence number not seen yet within the last {@value #LOOKBACK} (a gap: a row of another
     * node not committed yet, or a number a rolled-back transaction used), else from the highest seen: on a single
     * node without rollbacks a catch-up reads only the rows stored since the last one, where re-reading the last
     * {@value #LOOKBACK} rows each time was 7% of a bulk import.
     */
    void catchUp() {
        catchUp.lock();
        try {
            if (!checked) {
                dropIfForeign();
                checked = true;
            }
            long floor = Math.max(0, seen - LOOKBACK);
            long from = gaps == null ? floor : gaps.isEmpty() ? seen : Math.max(floor, gaps.first() - 1);
            List<Long> seqs = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            jdbc.sql("select item_id, seq from intake_fingerprint where seq > :from order by seq")
                    .param("from", from)
                    .query(rs -> {
                        ids.add(rs.getObject("item_id", UUID.class));
                        seqs.add(rs.getLong("seq"));
                    });
            searchers.maybeRefreshBlocking();
            List<UUID> missing = missing(ids);
            for (int start = 0; start < missing.size(); start += CHUNK) {
                List<UUID> chunk = missing.subList(start, Math.min(missing.size(), start + CHUNK));
                jdbc.sql("select i.id, i.title, i.text from intake_fingerprint f join intake_item i on i.id = f.item_id"
                                + " where f.item_id in ("
                                + chunk.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ")) + ")")
                        .query(rs -> {
                            ItemId item = new ItemId(rs.getObject("id", UUID.class));
                            NearDuplicateFingerprint.ofItem(rs.getString("title"), rs.getString("text"))
                                    .ifPresent(print -> add(item, print));
                        });
            }
            if (!missing.isEmpty()) {
                searchers.maybeRefreshBlocking();
                if (missing.size() > CHUNK) {
                    log.info("Band index: added {} fingerprints from the database", missing.size());
                }
            }
            noteSeen(from, seqs);
            if (System.nanoTime() - lastCommit > COMMIT_SECONDS * 1_000_000_000L) {
                commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            catchUp.unlock();
        }
    }

    /**
     * Moves {@link #seen} to the highest of {@code seqs} (the rows read above {@code from}, in order) and keeps the
     * numbers between {@code from} and it that were not read as gaps, within the last {@value #LOOKBACK}.
     */
    private void noteSeen(long from, List<Long> seqs) {
        long highest = seqs.isEmpty() ? seen : Math.max(seen, seqs.get(seqs.size() - 1));
        long keptAbove = highest - LOOKBACK;
        TreeSet<Long> unseen = new TreeSet<>();
        if (gaps != null) {
            unseen.addAll(gaps.tailSet(Math.max(from, keptAbove), false));
        }
        long newFrom = Math.max(keptAbove, gaps == null ? from : seen);
        for (long seq = newFrom + 1; seq <= highest; seq++) {
            unseen.add(seq);
        }
        seqs.forEach(unseen::remove);
        seen = highest;
        gaps = unseen;
    }

    /**
     * An index that has seen more fingerprints than the database holds belongs to another database (a data directory
     * kept while the database was replaced): its documents are dropped, to be added again from this one.
     */
    private void dropIfForeign() throws IOException {
        long stored = jdbc.sql("select coalesce(max(seq), 0) from intake_fingerprint")
                .query(Long.class)
                .single();
        if (seen > stored) {
            log.warn("The band index has seen more fingerprints than this database holds; rebuilding it");
            writer.deleteAll();
            seen = 0;
            gaps = null;
            commit();
        }
    }

    /** The ids the index does not have. */
    private List<UUID> missing(List<UUID> ids) throws IOException {
        List<UUID> missing = new ArrayList<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            TermsEnum[] enums = termsEnums(searcher.getIndexReader().leaves(), ID);
            for (UUID id : ids) {
                BytesRef term = new BytesRef(id.toString());
                boolean found = false;
                for (TermsEnum terms : enums) {
                    if (terms != null && terms.seekExact(term)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    missing.add(id);
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return missing;
    }

    /** A terms enumeration of the field per leaf, by leaf order; null for a leaf without the field. */
    private static TermsEnum[] termsEnums(List<LeafReaderContext> leaves, String field) throws IOException {
        TermsEnum[] enums = new TermsEnum[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            Terms terms = leaf.reader().terms(field);
            enums[leaf.ord] = terms == null ? null : terms.iterator();
        }
        return enums;
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(
                Map.of(SEQ, Long.toString(seen), SCHEMA, SCHEMA_VERSION).entrySet());
        writer.commit();
        lastCommit = System.nanoTime();
    }

    @Override
    public void close() throws IOException {
        catchUp.lock();
        try {
            commit();
            searchers.close();
            writer.close();
            directory.close();
        } finally {
            catchUp.unlock();
        }
    }

    private static Document document(ItemId item, NearDuplicateFingerprint print) {
        Document doc = new Document();
        doc.add(new StringField(ID, item.value().toString(), Field.Store.NO));
        ByteBuffer id = ByteBuffer.allocate(16)
                .putLong(item.value().getMostSignificantBits())
                .putLong(item.value().getLeastSignificantBits());
        doc.add(new BinaryDocValuesField(ITEM, new BytesRef(id.array())));
        long[] values = print.values();
        ByteBuffer signature = ByteBuffer.allocate(values.length * Long.BYTES);
        for (long value : values) {
            signature.putLong(value);
        }
        doc.add(new BinaryDocValuesField(SIGNATURE, new BytesRef(signature.array())));
        for (long key : print.bandKeys()) {
            doc.add(new StringField(BAND, bytes(key), Field.Store.NO));
        }
        return doc;
    }

    private static BytesRef bytes(long key) {
        return new BytesRef(ByteBuffer.allocate(8).putLong(key).array());
    }

    private static NearDuplicateFingerprint signature(BytesRef bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
        long[] values = new long[bytes.length / Long.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getLong();
        }
        return NearDuplicateFingerprint.ofValues(values);
    }

    private static UUID uuid(BytesRef bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
