package org.factdesk.matching.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The Lucene index of fact-checked claims, searched near-real-time. The commit carries a schema version: an index
 * that is missing, unreadable or of another version is wiped and reported by {@link #needsRebuild()} until {@link
 * #replaceAll} fills it again. With an {@link Embedder}, claim vectors are kept in an {@link EmbeddingStore} next to
 * the index.
 */
public final class ClaimIndex implements Closeable {

    /** Raise when the fields or their analysis change: older indexes are then rebuilt. */
    public static final int SCHEMA_VERSION = 4;

    static final String SCHEMA_KEY = "factdesk.matching.schema";
    static final String ID = "id";
    static final String GROUP = "group";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String LANGUAGE = "language";
    static final String RATING = "rating";
    static final String PUBLISHED = "published";
    static final String URL = "url";

    private static final System.Logger LOG = System.getLogger(ClaimIndex.class.getName());

    private final Directory directory;
    private final AnalyzerSet analyzers;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final @Nullable EmbeddingStore vectors;
    private final int schemaVersion;
    private volatile boolean needsRebuild;

    ClaimIndex(Directory directory, AnalyzerSet analyzers, @Nullable EmbeddingStore vectors, int schemaVersion)
            throws IOException {
        this.directory = directory;
        this.analyzers = analyzers;
        this.vectors = vectors;
        this.schemaVersion = schemaVersion;
        this.needsRebuild = !usable(directory, schemaVersion);
        IndexWriterConfig config = new IndexWriterConfig(analyzers.analyzer())
                .setOpenMode(needsRebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
        if (needsRebuild) {
            wipe(directory);
        }
        this.writer = new IndexWriter(directory, config);
        if (needsRebuild) {
            writer.setLiveCommitData(
                    Map.of(SCHEMA_KEY, Integer.toString(schemaVersion)).entrySet());
            writer.commit();
        }
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the index under {@code path}; vectors go to a file next to it. */
    public static ClaimIndex open(Path path, AnalyzerSet analyzers, @Nullable Embedder embedder) {
        try {
            Files.createDirectories(path);
            Path absolute = path.toAbsolutePath();
            EmbeddingStore vectors = embedder == null
                    ? null
                    : new EmbeddingStore(
                            embedder,
                            absolute.resolveSibling(absolute.getFileName() + ".vectors-"
                                    + embedder.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".bin"));
            return new ClaimIndex(FSDirectory.open(path), analyzers, vectors, SCHEMA_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the claim index at " + path, e);
        }
    }

    /** An index in memory (evaluation, tests); vectors are cached in {@code vectorsFile} when given. */
    public static ClaimIndex inMemory(AnalyzerSet analyzers, @Nullable Embedder embedder, @Nullable Path vectorsFile) {
        try {
            return new ClaimIndex(
                    new ByteBuffersDirectory(),
                    analyzers,
                    embedder == null ? null : new EmbeddingStore(embedder, vectorsFile),
                    SCHEMA_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the index was missing, unreadable or of an older schema and has not been refilled yet. */
    public boolean needsRebuild() {
        return needsRebuild;
    }

    /** Replaces every claim (a reindex). Vectors of texts already embedded are reused. */
    public void replaceAll(Iterable<ClaimDoc> claims) {
        List<ClaimDoc> all = new ArrayList<>();
        claims.forEach(all::add);
        embed(all);
        try {
            writer.deleteAll();
            for (ClaimDoc claim : all) {
                writer.addDocument(document(claim));
            }
            commit();
            needsRebuild = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void upsert(ClaimDoc claim) {
        embed(List.of(claim));
        try {
            writer.updateDocument(new Term(ID, claim.id()), document(claim));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String id) {
        try {
            writer.deleteDocuments(new Term(ID, id));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AnalyzerSet analyzers() {
        return analyzers;
    }

    @Nullable
    EmbeddingStore vectors() {
        return vectors;
    }

    SearcherManager searchers() {
        return searchers;
    }

    /** Every id that shares the group key. */
    static List<String> groupMembers(IndexSearcher searcher, String group) throws IOException {
        TopDocs docs = searcher.search(new TermQuery(new Term(GROUP, group)), 50);
        List<String> ids = new ArrayList<>();
        for (var hit : docs.scoreDocs) {
            ids.add(docValue(searcher, hit.doc, ID));
        }
        return ids;
    }

    /** The value of a sorted doc-values field ({@link #ID}, {@link #GROUP}) of a top-level document id. */
    static String docValue(IndexSearcher searcher, int doc, String field) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues values = DocValues.getSorted(leaf.reader(), field);
        if (!values.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("Document " + doc + " has no " + field);
        }
        return values.lookupOrd(values.ordValue()).utf8ToString();
    }

    /** The text embedded for a claim. */
    static String passage(String text) {
        return text;
    }

    private void embed(List<ClaimDoc> claims) {
        if (vectors != null) {
            vectors.ensure(claims.stream().map(c -> passage(c.text())).toList());
        }
    }

    private static Document document(ClaimDoc claim) {
        Document doc = new Document();
        doc.add(new StringField(ID, claim.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(claim.id())));
        String group = Groups.key(claim.text());
        doc.add(new StringField(GROUP, group, Field.Store.YES));
        doc.add(new SortedDocValuesField(GROUP, new BytesRef(group)));
        doc.add(new StoredField(TEXT, claim.text()));
        String searchable = claim.title() == null ? claim.text() : claim.text() + "\n" + claim.title();
        for (String field : List.of(AnalyzerSet.ENGLISH, AnalyzerSet.FOLDED, AnalyzerSet.EXACT, AnalyzerSet.BIGRAM)) {
            doc.add(new TextField(field, searchable, Field.Store.NO));
        }
        if (claim.title() != null) {
            doc.add(new StoredField(TITLE, claim.title()));
        }
        if (claim.language() != null) {
            doc.add(new StoredField(LANGUAGE, claim.language().code()));
        }
        if (claim.rating() != null) {
            doc.add(new StoredField(RATING, claim.rating()));
        }
        if (claim.published() != null) {
            doc.add(new StoredField(PUBLISHED, claim.published().toString()));
        }
        if (claim.url() != null) {
            doc.add(new StoredField(URL, claim.url()));
        }
        return doc;
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(
                Map.of(SCHEMA_KEY, Integer.toString(schemaVersion)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static boolean usable(Directory directory, int schemaVersion) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                LOG.log(System.Logger.Level.DEBUG, "No claim index yet in {0}: it will be built", directory);
                return false;
            }
            SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
            String version = commit.getUserData().get(SCHEMA_KEY);
            if (!Objects.equals(version, Integer.toString(schemaVersion))) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Claim index in {0} has schema {1}, expected {2}: it will be rebuilt",
                        directory,
                        version,
                        schemaVersion);
                return false;
            }
            // Opening a reader checks every segment's header and footer.
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return reader.numDocs() >= 0;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Claim index in {0} is unreadable ({1}): it will be rebuilt",
                    directory,
                    e.toString());
            return false;
        }
    }

    private static void wipe(Directory directory) {
        try {
            for (String file : directory.listAll()) {
                try {
                    directory.deleteFile(file);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not delete {0}: {1}", file, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not list {0}: {1}", directory, e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            writer.close();
            directory.close();
        }
    }
}
