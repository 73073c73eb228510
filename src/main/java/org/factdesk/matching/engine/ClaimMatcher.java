package org.factdesk.matching.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * Finds the fact-checked claims that a text repeats: BM25 over the analysed fields, twins collapsed, then (for
 * languages the embedder speaks) a blend with the cosine similarity, a calibrated score in [0,1], a band and the
 * shared words to highlight. Thread-safe.
 */
public final class ClaimMatcher {

    private static final int MAX_TERMS_PER_FIELD = 256;

    /** How many BM25 groups {@link #rescoreByCoverage} re-scores. */
    private static final int RESCORE_DEPTH = 20;

    private final ClaimIndex index;
    private final MatcherSettings settings;

    public ClaimMatcher(ClaimIndex index, MatcherSettings settings) {
        this.index = Objects.requireNonNull(index);
        this.settings = Objects.requireNonNull(settings);
    }

    public MatcherSettings settings() {
        return settings;
    }

    /** Matches in the language detected from the text. */
    public MatchOutcome match(String text, int limit) {
        return match(text, null, limit);
    }

    /**
     * @throws IllegalArgumentException when the text is blank (after removing control characters) or limit < 1
     */
    public MatchOutcome match(String text, @Nullable Language language, int limit) {
        Objects.requireNonNull(text, "text");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        String clean = clean(text);
        if (clean.isBlank()) {
            throw new IllegalArgumentException("Nothing to match: the text is blank");
        }
        boolean truncated = clean.length() > settings.maxTextLength();
        if (truncated) {
            int end = settings.maxTextLength();
            if (Character.isHighSurrogate(clean.charAt(end - 1))) {
                end--;
            }
            clean = clean.substring(0, end);
        }
        Language lang = language != null ? language : Objects.requireNonNullElse(Language.detect(clean), Language.EN);
        try {
            return new MatchOutcome(rank(clean, lang, limit), truncated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Candidate> rank(String text, Language lang, int limit) throws IOException {
        Analyzer analyzer = index.analyzers().analyzer();
        Query query = query(analyzer, text, lang);
        IndexSearcher searcher = index.searchers().acquire();
        try {
            ScoreDoc[] hits = searcher.search(query, settings.candidates()).scoreDocs;
            // Ids and groups come from doc values; the stored text is read only where it is needed (dense
            // scores, and the candidates returned), since decompressing stored fields dominated the profile.
            var stored = searcher.storedFields();
            List<Hit> groups = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ScoreDoc hit : hits) {
                String group = ClaimIndex.docValue(searcher, hit.doc, ClaimIndex.GROUP);
                if (seen.add(group)) {
                    groups.add(new Hit(
                            ClaimIndex.docValue(searcher, hit.doc, ClaimIndex.ID), group, hit.doc, stored, hit.score));
                }
            }
            if (groups.isEmpty()) {
                return List.of();
            }
            double[] cosines = dense(text, lang, groups);
            double[] fused = fuse(groups, cosines);
            if (cosines == null && lang != Language.EN) {
                rescoreByCoverage(searcher, analyzer, text, groups, fused);
            }
            Integer[] order = new Integer[groups.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -fused[i]));

            String coverageField = lang == Language.EN ? AnalyzerSet.ENGLISH : AnalyzerSet.FOLDED;
            Set<String> queryTerms = new HashSet<>(terms(analyzer, coverageField, text));
            Set<String> queryFolded = new HashSet<>(terms(analyzer, AnalyzerSet.FOLDED, text));
            boolean shortText = words(text) < settings.minWordsForAuto();

            List<Candidate> out = new ArrayList<>();
            double ceiling = 1.0;
            for (int rank = 0; rank < Math.min(limit, order.length); rank++) {
                Hit hit = groups.get(order[rank]);
                Double cosine = cosines == null ? null : cosines[order[rank]];
                double score = Math.min(ceiling, calibrated(analyzer, coverageField, queryTerms, hit, cosine));
                ceiling = score;
                Band band = score >= settings.autoThreshold() && rank == 0 && !shortText
                        ? Band.AUTO
                        : score >= settings.suggestThreshold() ? Band.SUGGEST : Band.NONE;
                List<String> twins = new ArrayList<>(ClaimIndex.groupMembers(searcher, hit.group));
                twins.remove(hit.id);
                twins.sort(null);
                out.add(new Candidate(
                        hit.id,
                        twins,
                        score,
                        band,
                        highlights(analyzer, queryFolded, hit.text(), lang),
                        hit.bm25,
                        cosine));
            }
            return out;
        } finally {
            index.searchers().release(searcher);
        }
    }

    private Query query(Analyzer analyzer, String text, Language lang) throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (lang == Language.EN) {
            addField(all, analyzer, AnalyzerSet.ENGLISH, text, settings.englishBoost());
            addField(all, analyzer, AnalyzerSet.BIGRAM, text, settings.englishBigramBoost());
        } else if (settings.folding()) {
            addField(all, analyzer, AnalyzerSet.FOLDED, text, settings.foldedBoost());
            addField(all, analyzer, AnalyzerSet.EXACT, text, settings.exactBoost());
            addField(all, analyzer, AnalyzerSet.BIGRAM, text, settings.bigramBoost());
            addSplitSyllables(all, analyzer, text);
        } else {
            addField(all, analyzer, AnalyzerSet.EXACT, text, 1.0);
        }
        return all.build();
    }

    /**
     * Vietnamese writes each syllable apart, but hashtags and hurried typing join them ({@code #tiendien},
     * {@code ungthu}). A folded query word that no claim contains is split in two where both halves, written apart,
     * form a syllable pair that claims do contain (the most frequent such pair wins), and the pair is queried on the
     * bigram field and its syllables on the folded field, as if the text had had the space.
     */
    private void addSplitSyllables(BooleanQuery.Builder all, Analyzer analyzer, String text) throws IOException {
        if (settings.foldedBoost() <= 0) {
            return;
        }
        IndexSearcher searcher = index.searchers().acquire();
        try {
            var reader = searcher.getIndexReader();
            BooleanQuery.Builder folded = new BooleanQuery.Builder();
            BooleanQuery.Builder bigrams = new BooleanQuery.Builder();
            int n = 0;
            for (String word : new LinkedHashSet<>(terms(analyzer, AnalyzerSet.FOLDED, text))) {
                if (word.length() < 4
                        || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')
                        || reader.docFreq(new Term(AnalyzerSet.FOLDED, word)) > 0) {
                    continue;
                }
                String best = null;
                int bestFreq = 0;
                for (int i = 2; i <= word.length() - 2; i++) {
                    String pair = word.substring(0, i) + " " + word.substring(i);
                    int freq = reader.docFreq(new Term(AnalyzerSet.BIGRAM, pair));
                    if (freq > bestFreq) {
                        best = pair;
                        bestFreq = freq;
                    }
                }
                if (best != null && n++ < MAX_TERMS_PER_FIELD) {
                    int space = best.indexOf(' ');
                    folded.add(
                            new TermQuery(new Term(AnalyzerSet.FOLDED, best.substring(0, space))),
                            BooleanClause.Occur.SHOULD);
                    folded.add(
                            new TermQuery(new Term(AnalyzerSet.FOLDED, best.substring(space + 1))),
                            BooleanClause.Occur.SHOULD);
                    bigrams.add(new TermQuery(new Term(AnalyzerSet.BIGRAM, best)), BooleanClause.Occur.SHOULD);
                }
            }
            if (n > 0) {
                all.add(new BoostQuery(folded.build(), (float) settings.foldedBoost()), BooleanClause.Occur.SHOULD);
                if (settings.bigramBoost() > 0) {
                    all.add(
                            new BoostQuery(bigrams.build(), (float) settings.bigramBoost()),
                            BooleanClause.Occur.SHOULD);
                }
            }
        } finally {
            index.searchers().release(searcher);
        }
    }

    private static void addField(BooleanQuery.Builder all, Analyzer analyzer, String field, String text, double boost)
            throws IOException {
        if (boost <= 0) {
            return;
        }
        Set<String> unique = new LinkedHashSet<>(terms(analyzer, field, text));
        BooleanQuery.Builder one = new BooleanQuery.Builder();
        int n = 0;
        for (String term : unique) {
            if (n++ == MAX_TERMS_PER_FIELD) {
                break;
            }
            one.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD);
        }
        if (n > 0) {
            all.add(new BoostQuery(one.build(), (float) boost), BooleanClause.Occur.SHOULD);
        }
    }

    /**
     * Re-scores Vietnamese BM25 candidates by how much of each claim the text repeats: {@code bm25/max(bm25) + w *
     * coverage}, where coverage is the idf-weighted share of the claim's folded terms that the text contains. BM25
     * sums what the text and the claim share; coverage also counts what the claim says and the text does not, which
     * is what separates a claim from its near-misses (another bank, another disease, another city). Only the first
     * {@link #RESCORE_DEPTH} groups are re-scored, so the stored text of no more claims is read; coverage only adds,
     * so no lower candidate can pass them.
     */
    private void rescoreByCoverage(
            IndexSearcher searcher, Analyzer analyzer, String text, List<Hit> groups, double[] scores)
            throws IOException {
        double weight = settings.coverageWeight();
        double max = 0;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        if (weight <= 0 || max <= 0) {
            return;
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= max;
        }
        Set<String> queryTerms = new HashSet<>(terms(analyzer, AnalyzerSet.FOLDED, text));
        var reader = searcher.getIndexReader();
        double docs = reader.numDocs();
        java.util.Map<String, Double> idfs = new java.util.HashMap<>();
        for (int i = 0; i < Math.min(RESCORE_DEPTH, groups.size()); i++) {
            double total = 0;
            double shared = 0;
            for (String term : new HashSet<>(
                    terms(analyzer, AnalyzerSet.FOLDED, groups.get(i).text()))) {
                Double idf = idfs.get(term);
                if (idf == null) {
                    double df = reader.docFreq(new Term(AnalyzerSet.FOLDED, term));
                    idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
                    idfs.put(term, idf);
                }
                total += idf;
                if (queryTerms.contains(term)) {
                    shared += idf;
                }
            }
            if (total > 0) {
                scores[i] += weight * shared / total;
            }
        }
    }

    private double @Nullable [] dense(String text, Language lang, List<Hit> groups) throws IOException {
        EmbeddingStore vectors = index.vectors();
        if (!settings.dense()
                || vectors == null
                || (lang != Language.EN && !vectors.embedder().multilingual())) {
            return null;
        }
        float[] q = vectors.embedder().embedQuery(TweetCleanup.clean(text));
        double[] cosines = new double[groups.size()];
        for (int i = 0; i < cosines.length; i++) {
            int row = vectors.row(ClaimIndex.passage(groups.get(i).text()));
            cosines[i] = row < 0 ? 0.0 : vectors.dot(row, q);
        }
        return cosines;
    }

    private double[] fuse(List<Hit> groups, double @Nullable [] cosines) {
        double[] bm25 = new double[groups.size()];
        for (int i = 0; i < bm25.length; i++) {
            bm25[i] = groups.get(i).bm25;
        }
        if (cosines == null) {
            return bm25;
        }
        return Fusion.fuse(settings.fusion(), settings.bm25Weight(), settings.rrfK(), bm25, cosines);
    }

    /**
     * The score shown to people: the share of the claim's words that the text contains (a text that repeats a
     * claim contains most of it), blended half and half with the cosine when there is one.
     */
    private static double calibrated(
            Analyzer analyzer, String field, Set<String> queryTerms, Hit hit, @Nullable Double cosine)
            throws IOException {
        Set<String> claimTerms = new HashSet<>(terms(analyzer, field, hit.text()));
        double coverage = 0;
        if (!claimTerms.isEmpty()) {
            int shared = 0;
            for (String term : claimTerms) {
                if (queryTerms.contains(term)) {
                    shared++;
                }
            }
            coverage = (double) shared / claimTerms.size();
        }
        double score = cosine == null ? coverage : 0.5 * coverage + 0.5 * Math.max(0.0, cosine);
        return Math.max(0.0, Math.min(1.0, score));
    }

    private static List<String> highlights(Analyzer analyzer, Set<String> queryFolded, String text, Language lang)
            throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(AnalyzerSet.FOLDED, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int start = -1;
            int end = -1;
            boolean meaningful = false;
            while (stream.incrementToken()) {
                String t = term.toString();
                boolean stop = lang == Language.EN && EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(t);
                if (queryFolded.contains(t)) {
                    if (start < 0) {
                        start = offset.startOffset();
                    }
                    end = offset.endOffset();
                    meaningful |= !stop;
                } else {
                    if (start >= 0 && meaningful) {
                        out.add(text.substring(start, end));
                    }
                    start = -1;
                    meaningful = false;
                }
            }
            stream.end();
            if (start >= 0 && meaningful) {
                out.add(text.substring(start, end));
            }
        }
        return out;
    }

    static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }

    static int words(String text) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(cp);
            if (letter && !inWord) {
                n++;
            }
            inWord = letter;
            i += Character.charCount(cp);
        }
        return n;
    }

    /** Control characters and unpaired surrogates become spaces; tabs and line breaks stay. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                } else {
                    out.append(' ');
                }
            } else if (Character.isLowSurrogate(c)) {
                out.append(' ');
            } else if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A BM25 hit, representative of its twin group; its stored text is read on first use. */
    private static final class Hit {
        final String id;
        final String group;
        final int doc;
        final double bm25;
        private final org.apache.lucene.index.StoredFields stored;
        private @Nullable String text;

        Hit(String id, String group, int doc, org.apache.lucene.index.StoredFields stored, double bm25) {
            this.id = id;
            this.group = group;
            this.doc = doc;
            this.stored = stored;
            this.bm25 = bm25;
        }

        String text() throws IOException {
            if (text == null) {
                text = stored.document(doc, Set.of(ClaimIndex.TEXT)).get(ClaimIndex.TEXT);
            }
            return text;
        }
    }
}
