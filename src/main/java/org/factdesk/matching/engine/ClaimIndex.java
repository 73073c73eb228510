package org.factdesk.matching.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * The Lucene index of fact-checked claims, searched near-real-time. The commit carries a schema version: an index
 * that is missing, unreadable or of another version is wiped and reported by {@link #needsRebuild()} until {@link
 * #replaceAll} fills it again. With an {@link Embedder}, claim vectors are kept in an {@link EmbeddingStore} next to
 * the index.
 */
public final class ClaimIndex implements Closeable {

    /** Raise when the fields or their analysis change: older indexes are then rebuilt. */
    public static final int SCHEMA_VERSION = 8;

    static final String SCHEMA_KEY = "factdesk.matching.schema";

    /** The commit's record of the model whose vectors the documents carry ("" for none). */
    static final String VECTORS_KEY = "factdesk.matching.vectors";

    static final String ID = "id";
    static final String GROUP = "group";
    /** Numeric doc values: a 64-bit hash of the group key, and {@link EmbeddingStore#key} of the embedded text. */
    static final String GROUP_HASH = "group_hash";

    static final String TEXT_KEY = "text_key";

    /** The claim text's vector (when an embedder is configured), searched by Lucene's HNSW graph. */
    static final String VECTOR = "vector";

    /** Binary doc values: the claim text's folded tokens with offsets, and its English terms. */
    static final String FOLDED_TOKENS = "folded_tokens";

    static final String ENGLISH_TERMS = "english_terms";

    /** Numeric doc values: the number of distinct terms in {@link #FOLDED_TOKENS} and in {@link #ENGLISH_TERMS}. */
    static final String FOLDED_TERM_COUNT = "folded_term_count";

    static final String ENGLISH_TERM_COUNT = "english_term_count";

    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String LANGUAGE = "language";
    static final String RATING = "rating";
    static final String PUBLISHED = "published";
    static final String URL = "url";

    /** A rebuild of 100k claims then flushes a few large segments instead of dozens of small ones. */
    private static final double RAM_BUFFER_MB = 128;

    private static final System.Logger LOG = System.getLogger(ClaimIndex.class.getName());

    private final Directory directory;
    private final AnalyzerSet analyzers;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final TermStatsCache termStats = new TermStatsCache();
    /** Twins by top-level document, and whether the graph holds vectors: see {@link #twinsOf}, {@link #hasVectors}. */
    private final PerReader<ConcurrentHashMap<Integer, List<String>>> twinsByDoc =
            new PerReader<>(reader -> new ConcurrentHashMap<>());

    private final PerReader<Boolean> vectorsInGraph = new PerReader<>(ClaimIndex::hasVectors);
    private final @Nullable EmbeddingStore vectors;
    private final int schemaVersion;
    private volatile boolean needsRebuild;

    ClaimIndex(Directory directory, AnalyzerSet analyzers, @Nullable EmbeddingStore vectors, int schemaVersion)
            throws IOException {
        this.directory = directory;
        this.analyzers = analyzers;
        this.vectors = vectors;
        this.schemaVersion = schemaVersion;
        this.needsRebuild = !usable(directory, schemaVersion, vectorModel(vectors));
        IndexWriterConfig config = new IndexWriterConfig(analyzers.analyzer())
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setOpenMode(needsRebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setCodec(codec());
        if (needsRebuild) {
            wipe(directory);
        }
        this.writer = new IndexWriter(directory, config);
        if (needsRebuild) {
            writer.setLiveCommitData(commitData());
            writer.commit();
        }
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * The default codec with a smaller HNSW beam for the claim vectors: 32 instead of 100 built the graph of 14,000
     * claims in about half the extra time, with the same MAP@5 on CLEF-2022 train as an exact search.
     */
    private static Codec codec() {
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return new Lucene99HnswVectorsFormat(16, 32);
            }
        };
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
            // One segment: each query term is then looked up once, not once per segment (term lookups were a
            // third of the matching time on a 100k index with a dozen segments).
            writer.forceMerge(1);
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

    /** The term dictionary's answers for the current reader, shared by every matcher of this index. */
    TermStatsCache termStats() {
        return termStats;
    }

    /**
     * The sorted ids of the other claims in the group of top-level document {@code doc} of the searcher's reader,
     * remembered for that reader: the same claims come back match after match (during a bulk import, the popular
     * rumours' claims), and each lookup seeks every segment. A new reader starts afresh, so a twin added or deleted
     * since is never missed or kept. At most {@value #MAX_CACHED_TWINS} documents are remembered per reader.
     */
    List<String> twinsOf(IndexSearcher searcher, long groupHash, int doc) throws IOException {
        ConcurrentHashMap<Integer, List<String>> byDoc = twinsByDoc.get(searcher.getIndexReader());
        List<String> known = byDoc.get(doc);
        if (known != null) {
            return known;
        }
        List<String> found = twins(searcher, groupHash, doc);
        found.sort(null);
        List<String> twins = found.isEmpty() ? List.of() : List.copyOf(found);
        if (byDoc.size() < MAX_CACHED_TWINS) {
            byDoc.put(doc, twins);
        }
        return twins;
    }

    static final int MAX_CACHED_TWINS = 200_000;

    /**
     * The ids of the other claims in the group of top-level document {@code doc}, found by its {@link #GROUP_HASH}
     * (read with the hits): the group terms starting with the hash's hex digits, usually one, whose postings list
     * the group. A claim without twins costs one dictionary seek; the claim's text is not normalised and hashed
     * again (that was 4% of a match).
     */
    static List<String> twins(IndexSearcher searcher, long groupHash, int doc) throws IOException {
        List<String> ids = new ArrayList<>();
        BytesRef prefix = new BytesRef(HexFormat.of().toHexDigits(groupHash));
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(GROUP);
            if (terms == null) {
                continue;
            }
            TermsEnum groups = terms.iterator();
            if (groups.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            BinaryDocValues values = null;
            PostingsEnum postings = null;
            for (BytesRef group = groups.term();
                    group != null && StringHelper.startsWith(group, prefix);
                    group = groups.next()) {
                postings = groups.postings(postings, PostingsEnum.NONE);
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    if (d + leaf.docBase != doc && (live == null || live.get(d))) {
                        if (values == null) {
                            values = DocValues.getBinary(leaf.reader(), ID);
                        }
                        if (values.advanceExact(d)) {
                            ids.add(values.binaryValue().utf8ToString());
                        }
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Whether any live or deleted claim of the searcher's reader has a vector in the graph, found out once per reader
     * (every English match asks).
     */
    boolean hasVectors(IndexSearcher searcher) {
        return vectorsInGraph.get(searcher.getIndexReader());
    }

    private static boolean hasVectors(IndexReader reader) {
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                if (values != null && values.size() > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The values of a binary doc-values field ({@link #ID}, {@link #TEXT}) for top-level documents, in the order
     * given. Documents are visited in index order, one iterator per segment, as doc values are read forwards.
     */
    static String[] binaryValues(IndexSearcher searcher, int[] docs, String field) throws IOException {
        BytesRef[] raw = binaryBytes(searcher, docs, field);
        String[] out = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
            out[i] = raw[i].utf8ToString();
        }
        return out;
    }

    /** Like {@link #binaryValues} but the bytes themselves (copies, safe to keep). */
    static BytesRef[] binaryBytes(IndexSearcher searcher, int[] docs, String field) throws IOException {
        BytesRef[] out = new BytesRef[docs.length];
        new InDocOrder() {
            private BinaryDocValues values;

            @Override
            void leaf(LeafReaderContext leaf) throws IOException {
                values = DocValues.getBinary(leaf.reader(), field);
            }

            @Override
            void doc(int index, int doc) throws IOException {
                if (!values.advanceExact(doc)) {
                    throw new IllegalStateException("Document " + docs[index] + " has no " + field);
                }
                out[index] = BytesRef.deepCopyOf(values.binaryValue());
            }
        }.visit(searcher, docs);
        return out;
    }

    /**
     * The values of one or two numeric doc-values fields for each hit, in the hits' order: {@code out[0][i]} of
     * {@code first}, {@code out[1][i]} of {@code second} (when given).
     */
    static long[][] numericValues(IndexSearcher searcher, ScoreDoc[] hits, String first, @Nullable String second)
            throws IOException {
        long[][] out = new long[second == null ? 1 : 2][hits.length];
        int[] docs = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = hits[i].doc;
        }
        new InDocOrder() {
            private NumericDocValues a;
            private @Nullable NumericDocValues b;

            @Override
            void leaf(LeafReaderContext leaf) throws IOException {
                a = DocValues.getNumeric(leaf.reader(), first);
                b = second == null ? null : DocValues.getNumeric(leaf.reader(), second);
            }

            @Override
            void doc(int index, int doc) throws IOException {
                out[0][index] = a.advanceExact(doc) ? a.longValue() : docs[index];
                if (b != null) {
                    out[1][index] = b.advanceExact(doc) ? b.longValue() : 0;
                }
            }
        }.visit(searcher, docs);
        return out;
    }

    /**
     * Visits top-level documents in index order, telling each segment before its documents: doc values are read
     * forwards, one iterator per segment.
     */
    private abstract static class InDocOrder {

        /** A new segment begins. */
        abstract void leaf(LeafReaderContext leaf) throws IOException;

        /** The document at {@code index} of the visited array, as {@code doc} within the current segment. */
        abstract void doc(int index, int doc) throws IOException;

        final void visit(IndexSearcher searcher, int[] docs) throws IOException {
            Integer[] byDoc = new Integer[docs.length];
            for (int i = 0; i < docs.length; i++) {
                byDoc[i] = i;
            }
            Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i]));
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            int next = 0;
            LeafReaderContext leaf = null;
            for (int i : byDoc) {
                while (leaf == null || docs[i] >= leaf.docBase + leaf.reader().maxDoc()) {
                    leaf = leaves.get(next++);
                    leaf(leaf);
                }
                doc(i, docs[i] - leaf.docBase);
            }
        }
    }

    /** A 64-bit hash of a group key, for collapsing twins without reading the key. */
    static long groupHash(String group) {
        return Long.parseUnsignedLong(group.substring(0, 16), 16);
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

    /**
     * Whether the embedder's vector of the claim means something, so that the dense search may bring it: with an
     * English-only model (the bundled MiniLM) the vector of a Vietnamese claim is noise that could sit near any post.
     */
    private static boolean speaks(Embedder embedder, ClaimDoc claim) {
        Language language = claim.language() != null ? claim.language() : Language.detect(claim.text());
        return embedder.multilingual() || language == Language.EN;
    }

    private Document document(ClaimDoc claim) {
        Document doc = new Document();
        doc.add(new StringField(ID, claim.id(), Field.Store.YES));
        // Id and text again as binary doc values: read for every candidate returned, and uncompressed doc values
        // are several times cheaper to read than a stored document.
        doc.add(new BinaryDocValuesField(ID, new BytesRef(claim.id())));
        doc.add(new BinaryDocValuesField(TEXT, new BytesRef(claim.text())));
        String group = Groups.key(claim.text());
        doc.add(new StringField(GROUP, group, Field.Store.YES));
        doc.add(new NumericDocValuesField(GROUP_HASH, groupHash(group)));
        long textKey = EmbeddingStore.key(passage(claim.text()));
        doc.add(new NumericDocValuesField(TEXT_KEY, textKey));
        float[] vector = vectors == null || !speaks(vectors.embedder(), claim) ? null : vectors.vector(textKey);
        if (vector != null) {
            doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        doc.add(new StoredField(TEXT, claim.text()));
        String searchable = claim.title() == null ? claim.text() : claim.text() + "\n" + claim.title();
        for (String field : List.of(AnalyzerSet.ENGLISH, AnalyzerSet.EXACT, AnalyzerSet.BIGRAM)) {
            doc.add(new TextField(field, searchable, Field.Store.NO));
        }
        // The folded analysis is done once: played back into the folded field, and the tokens of the claim text kept
        // as doc values (with the English terms of the claim text) for the coverage score and the highlights.
        Analyzer analyzer = analyzers.analyzer();
        List<ClaimAnalysis.Token> folded = ClaimAnalysis.tokens(analyzer, AnalyzerSet.FOLDED, searchable);
        doc.add(new Field(AnalyzerSet.FOLDED, ClaimAnalysis.replay(folded), TextField.TYPE_NOT_STORED));
        BytesRef foldedTokens = ClaimAnalysis.encodeTokens(folded, claim.text().length());
        BytesRef englishTerms =
                ClaimAnalysis.encodeTerms(ClaimAnalysis.tokens(analyzer, AnalyzerSet.ENGLISH, claim.text()));
        doc.add(new BinaryDocValuesField(FOLDED_TOKENS, foldedTokens));
        doc.add(new BinaryDocValuesField(ENGLISH_TERMS, englishTerms));
        // The coverage score's denominators, counted from the values it reads (see CoverageFloor).
        doc.add(new NumericDocValuesField(
                FOLDED_TERM_COUNT,
                ClaimAnalysis.decodeTokens(foldedTokens).stream()
                        .map(ClaimAnalysis.Token::term)
                        .distinct()
                        .count()));
        doc.add(new NumericDocValuesField(
                ENGLISH_TERM_COUNT,
                ClaimAnalysis.decodeTerms(englishTerms).stream().distinct().count()));
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
        writer.setLiveCommitData(commitData());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private Iterable<Map.Entry<String, String>> commitData() {
        return Map.of(SCHEMA_KEY, Integer.toString(schemaVersion), VECTORS_KEY, vectorModel(vectors))
                .entrySet();
    }

    private static String vectorModel(@Nullable EmbeddingStore vectors) {
        return vectors == null ? "" : vectors.embedder().name();
    }

    private static boolean usable(Directory directory, int schemaVersion, String vectorModel) {
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
            String vectors = commit.getUserData().getOrDefault(VECTORS_KEY, "");
            if (!vectors.equals(vectorModel)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Claim index in {0} holds vectors of \"{1}\", configured \"{2}\": it will be rebuilt",
                        directory,
                        vectors,
                        vectorModel);
                return false;
            }
            // Opening a reader checks every segment's header and footer; the checksums of the whole files are
            // verified as well, so that damage inside a file is found here and not by a query (the files are read
            // once: 30 ms more for the 100,000-claim benchmark index, 92 MB, from the page cache).
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (var leaf : reader.leaves()) {
                    leaf.reader().checkIntegrity();
                }
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
