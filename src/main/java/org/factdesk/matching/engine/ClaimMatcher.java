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
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * Finds the fact-checked claims that a text repeats: BM25 over the analysed fields, twins collapsed, then (for
 * languages the embedder speaks) a blend with the cosine similarity, a calibrated score in [0,1], a band and the
 * shared words to highlight. Thread-safe.
 */
public final class ClaimMatcher {

    private static final int MAX_TERMS_PER_FIELD = 256;

    /** At most this many joined words are split (three clauses each), so a query stays under Lucene's clause cap. */
    private static final int MAX_SPLIT_WORDS = 64;

    /**
     * How many BM25 groups {@link #rescoreByCoverage} re-scores. 10 and 20 give the same figures on every vi-claims
     * dev metric (MAP@1 to MAP@5, MRR, Recall@1/5/20, the band precisions, accented and not); 10 lets BM25 collect
     * fewer documents and skip more: 15% more Vietnamese-and-English matches a second on one thread (docs/benchmarks.md).
     */
    private static final int RESCORE_DEPTH = 10;

    static final int WINDOW_PER_CLAUSE = 256;

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
        return match(text, language, limit, false);
    }

    /**
     * {@link #match(String, int)} for callers that keep only {@link Band#SUGGEST} and {@link Band#AUTO} candidates,
     * as the matching of arriving items does: the same candidates in those bands, but a text that no claim can bring
     * to the suggestion threshold is not ranked at all and gets none. Without a cosine the score is the share of the
     * claim's terms that the text holds, so {@link CoverageFloor} can tell from the postings alone; a text that dense
     * re-ranking applies to is always ranked, since its cosine may lift a claim.
     *
     * @throws IllegalArgumentException as {@link #match(String, Language, int)}
     */
    public MatchOutcome suggestions(String text, int limit) {
        return match(text, null, limit, true);
    }

    private MatchOutcome match(String text, @Nullable Language language, int limit, boolean suggestionsOnly) {
        Objects.requireNonNull(text, "text");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        String clean = clean(text);
        if (!hasWords(clean)) {
            throw new IllegalArgumentException("Nothing to match: the text has no letter or digit");
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
            List<Candidate> ranked = rank(clean, lang, limit, suggestionsOnly);
            return ranked == null ? new MatchOutcome(List.of(), truncated, false) : new MatchOutcome(ranked, truncated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The candidates, or null when {@code suggestionsOnly} and no claim can be suggested (nothing was ranked). */
    private @Nullable List<Candidate> rank(String text, Language lang, int limit, boolean suggestionsOnly)
            throws IOException {
        Analyzer analyzer = index.analyzers().analyzer();
        QueryTerms terms = new QueryTerms(index.analyzers(), text);
        IndexSearcher searcher = index.searchers().acquire();
        try {
            // Dense re-ranking needs a claim whose vector means something to the model (see ClaimIndex#speaks): with
            // the English-only model and no English claim, every cosine would be noise, so none is computed.
            boolean dense = denseApplies(lang) && index.hasVectors(searcher);
            boolean rescore = !dense && lang != Language.EN && settings.coverageWeight() > 0;
            // Without dense re-ranking only the first groups are needed (those returned, or those re-scored): the
            // fewer candidates, the sooner BM25 can skip documents. Twins take a few more, and if they took too many
            // the search is run again deeper.
            int groupsNeeded = dense ? settings.candidates() : Math.max(limit, rescore ? RESCORE_DEPTH : 0);
            int wanted = Math.min(settings.candidates(), dense ? groupsNeeded : groupsNeeded + 5);
            TermStatsCache.Lookup lookup = index.termStats().lookup(searcher);
            if (suggestionsOnly && !dense && !suggestionReachable(searcher, lookup, terms, lang)) {
                return null;
            }
            LateClauses late = new LateClauses();
            Query query = query(lookup, terms, lang, late);
            List<Hit> groups = new ArrayList<>();
            while (true) {
                // The searcher has no executor, so one collector sees every hit: without the concurrency support
                // the minimum competitive score needs no shared accumulator (12% of the time in a profile).
                @SuppressWarnings("deprecation")
                var collector = new TopScoreDocCollectorManager(wanted, null, wanted, false);
                ScoreDoc[] hits = searcher.search(query, collector).scoreDocs;
                // Twins are collapsed on a numeric doc value; the claim text is read only where it is needed.
                long[][] keys = ClaimIndex.numericValues(
                        searcher, hits, ClaimIndex.GROUP_HASH, dense ? ClaimIndex.TEXT_KEY : null);
                groups.clear();
                Set<Long> seen = new HashSet<>();
                for (int i = 0; i < hits.length; i++) {
                    if (seen.add(keys[0][i])) {
                        groups.add(new Hit(hits[i].doc, hits[i].score, keys[0][i], dense ? keys[1][i] : 0));
                    }
                }
                if (dense || groups.size() >= groupsNeeded || hits.length < wanted || wanted >= settings.candidates()) {
                    break;
                }
                wanted = Math.min(settings.candidates(), wanted * 4);
            }
            // The post is embedded when its vector has something to find or re-rank: without claims in the graph
            // (no English claim for the English-only model) and without BM25 candidates, that is never.
            boolean graph = dense && settings.denseCandidates() > 0;
            // What the post says without links, handles and signature: embedded, and counted for the short-text
            // rule. A post of nothing but handles and links has no words left to embed.
            String said = TweetCleanup.clean(text);
            graph &= hasWords(said);
            float[] vector = graph || (dense && !groups.isEmpty() && hasWords(said)) ? embed(said) : null;
            if (graph) {
                addDenseHits(searcher, query, Objects.requireNonNull(vector), groups);
            }
            if (groups.isEmpty()) {
                return List.of();
            }
            addLateScores(searcher, lookup, late, groups);
            double[] cosines = vector == null ? null : cosines(vector, groups);
            double[] fused = fuse(groups, cosines);
            // The folded analysis of claims read so far, by document: the re-scoring and the candidates returned
            // share it.
            java.util.Map<Integer, ClaimText> claims = new java.util.HashMap<>();
            if (rescore) {
                rescoreByCoverage(searcher, lookup, terms, groups, fused, claims);
            }
            Integer[] order = new Integer[groups.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -fused[i]));

            boolean english = lang == Language.EN;
            Set<String> queryFolded = new HashSet<>(terms.of(AnalyzerSet.FOLDED));
            Set<String> queryCoverage = english ? new HashSet<>(terms.of(AnalyzerSet.ENGLISH)) : queryFolded;
            boolean shortText = wordsSaid(said) < settings.minWordsForAuto();
            int returned = Math.min(limit, order.length);
            int[] docs = new int[returned];
            for (int rank = 0; rank < returned; rank++) {
                docs[rank] = groups.get(order[rank]).doc();
            }
            String[] ids = ClaimIndex.binaryValues(searcher, docs, ClaimIndex.ID);
            readClaims(searcher, docs, english, claims);

            List<Candidate> out = new ArrayList<>();
            double ceiling = 1.0;
            for (int rank = 0; rank < returned; rank++) {
                Hit hit = groups.get(order[rank]);
                ClaimText read = claims.get(hit.doc());
                String claim = read.text();
                Double cosine = cosines == null ? null : cosines[order[rank]];
                List<ClaimAnalysis.Token> folded = read.folded();
                Set<String> claimTerms = new HashSet<>();
                if (english) {
                    claimTerms.addAll(read.english());
                } else {
                    folded.forEach(token -> claimTerms.add(token.term()));
                }
                double score = Math.min(ceiling, calibrated(queryCoverage, claimTerms, cosine));
                ceiling = score;
                Band band = score >= settings.autoThreshold() && rank == 0 && !shortText
                        ? Band.AUTO
                        : score >= settings.suggestThreshold() ? Band.SUGGEST : Band.NONE;
                List<String> twins = index.twinsOf(searcher, hit.group(), hit.doc());
                out.add(new Candidate(
                        ids[rank], twins, score, band, highlights(queryFolded, folded, claim, lang), hit.bm25, cosine));
            }
            return out;
        } finally {
            index.searchers().release(searcher);
        }
    }

    /**
     * Whether some claim holds enough of the text's coverage terms (those {@link #calibrated} compares: English terms
     * for English, folded terms otherwise) to score {@link MatcherSettings#suggestThreshold()} without a cosine.
     */
    private boolean suggestionReachable(
            IndexSearcher searcher, TermStatsCache.Lookup lookup, QueryTerms terms, Language lang) throws IOException {
        boolean english = lang == Language.EN;
        return CoverageFloor.reachable(
                searcher,
                lookup,
                english ? AnalyzerSet.ENGLISH : AnalyzerSet.FOLDED,
                english ? ClaimIndex.ENGLISH_TERM_COUNT : ClaimIndex.FOLDED_TERM_COUNT,
                terms.of(english ? AnalyzerSet.ENGLISH : AnalyzerSet.FOLDED),
                settings.suggestThreshold());
    }

    /**
     * The BM25 disjunction over the fields of {@code lang}. The clauses of the tone-exact field of a Vietnamese text
     * go to {@code late} instead, to be scored for the candidates only: at boost 0.05 they only order near ties, but
     * as search clauses they were a third of a Vietnamese match. (The word pairs of English weigh more, and set
     * apart they cost a CLEF-2020 tweet its claim: they stay in the search.)
     */
    private Query query(TermStatsCache.Lookup lookup, QueryTerms terms, Language lang, LateClauses late)
            throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (lang == Language.EN) {
            addField(lookup, all, terms, AnalyzerSet.ENGLISH, settings.englishBoost());
            addField(lookup, all, terms, AnalyzerSet.BIGRAM, settings.englishBigramBoost());
        } else if (settings.folding()) {
            addField(lookup, all, terms, AnalyzerSet.FOLDED, settings.foldedBoost());
            addLate(lookup, late, terms, AnalyzerSet.EXACT, settings.exactBoost());
            addField(lookup, all, terms, AnalyzerSet.BIGRAM, settings.bigramBoost());
            addSplitSyllables(lookup, all, terms);
        } else {
            addField(lookup, all, terms, AnalyzerSet.EXACT, 1.0);
        }
        return wideWindows(all.build());
    }

    /**
     * The disjunction with each clause's score windows at least {@value #WINDOW_PER_CLAUSE} documents per clause
     * wide (see {@link WideWindowQuery}): the same hits and scores, found with less of MaxScore's bookkeeping. On
     * the 100,000-claim benchmark index the CPU per match fell by a quarter for English and a fifth for Vietnamese
     * posts (8, 32, 128, 256, 512, 2,048 documents per clause tried: 256 to 512 was best; wider windows skip less).
     */
    private static Query wideWindows(BooleanQuery query) {
        int window = WINDOW_PER_CLAUSE * query.clauses().size();
        BooleanQuery.Builder wide = new BooleanQuery.Builder();
        for (BooleanClause clause : query.clauses()) {
            wide.add(new WideWindowQuery(clause.getQuery(), window), clause.getOccur());
        }
        return wide.build();
    }

    /**
     * Adds one boosted term clause per distinct term of the field. The clauses of all fields go into one flat
     * disjunction (the same BM25 sum as one sub-query per field) so that Lucene's MaxScore can skip documents across
     * all of them.
     */
    private static void addField(
            TermStatsCache.Lookup lookup, BooleanQuery.Builder all, QueryTerms terms, String field, double boost)
            throws IOException {
        for (var term : fieldTerms(lookup, terms, field, boost).entrySet()) {
            addClause(all, term.getKey(), term.getValue(), boost);
        }
    }

    private static void addLate(
            TermStatsCache.Lookup lookup, LateClauses late, QueryTerms terms, String field, double boost)
            throws IOException {
        for (var term : fieldTerms(lookup, terms, field, boost).entrySet()) {
            late.add(term.getKey(), term.getValue(), boost);
        }
    }

    /**
     * The distinct terms of the field that some claim has (at most {@link #MAX_TERMS_PER_FIELD}), with their
     * statistics, looked up once per index reader (see {@link TermStatsCache}); none when the boost is 0.
     */
    private static java.util.Map<Term, TermStates> fieldTerms(
            TermStatsCache.Lookup lookup, QueryTerms terms, String field, double boost) throws IOException {
        java.util.Map<Term, TermStates> out = new java.util.LinkedHashMap<>();
        if (boost <= 0) {
            return out;
        }
        for (String term : new LinkedHashSet<>(terms.of(field))) {
            if (out.size() == MAX_TERMS_PER_FIELD) {
                break;
            }
            TermStates states = lookup.states(field, term);
            if (states.docFreq() > 0) {
                out.put(new Term(field, term), states);
            }
        }
        return out;
    }

    /**
     * Vietnamese writes each syllable apart, but hashtags and hurried typing join them ({@code #tiendien},
     * {@code ungthu}). A folded query word that no claim contains is split in two where both halves, written apart,
     * form a syllable pair that claims do contain (the most frequent such pair wins), and the pair is queried on the
     * bigram field and its syllables on the folded field, as if the text had had the space.
     */
    private void addSplitSyllables(TermStatsCache.Lookup lookup, BooleanQuery.Builder all, QueryTerms terms)
            throws IOException {
        if (settings.foldedBoost() <= 0) {
            return;
        }
        int n = 0;
        for (String word : new LinkedHashSet<>(terms.of(AnalyzerSet.FOLDED))) {
            if (word.length() < 4
                    || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')
                    || lookup.docFreq(AnalyzerSet.FOLDED, word) > 0) {
                continue;
            }
            String best = null;
            int bestFreq = 0;
            for (int i = 2; i <= word.length() - 2; i++) {
                String pair = word.substring(0, i) + " " + word.substring(i);
                int freq = lookup.docFreq(AnalyzerSet.BIGRAM, pair);
                if (freq > bestFreq) {
                    best = pair;
                    bestFreq = freq;
                }
            }
            if (best != null && n++ < MAX_SPLIT_WORDS) {
                int space = best.indexOf(' ');
                addClause(lookup, all, AnalyzerSet.FOLDED, best.substring(0, space), settings.foldedBoost());
                addClause(lookup, all, AnalyzerSet.FOLDED, best.substring(space + 1), settings.foldedBoost());
                if (settings.bigramBoost() > 0) {
                    addClause(lookup, all, AnalyzerSet.BIGRAM, best, settings.bigramBoost());
                }
            }
        }
    }

    private static void addClause(
            TermStatsCache.Lookup lookup, BooleanQuery.Builder all, String field, String term, double boost)
            throws IOException {
        addClause(all, new Term(field, term), lookup.states(field, term), boost);
    }

    /** One optional term clause of the disjunction, boosted unless the boost is 1. */
    private static void addClause(BooleanQuery.Builder all, Term term, TermStates states, double boost) {
        Query clause = new TermQuery(term, states);
        all.add(boost == 1.0 ? clause : new BoostQuery(clause, (float) boost), BooleanClause.Occur.SHOULD);
    }

    /**
     * Re-scores Vietnamese BM25 candidates by how much of each claim the text repeats: {@code bm25/max(bm25) + w *
     * coverage}, where coverage is the idf-weighted share of the claim's folded terms that the text contains. BM25
     * sums what the text and the claim share; coverage also counts what the claim says and the text does not, which
     * is what separates a claim from its near-misses (another bank, another disease, another city). Only the first
     * {@link #RESCORE_DEPTH} groups are re-scored; coverage only adds, so no lower candidate can pass them.
     */
    private void rescoreByCoverage(
            IndexSearcher searcher,
            TermStatsCache.Lookup lookup,
            QueryTerms terms,
            List<Hit> groups,
            double[] scores,
            java.util.Map<Integer, ClaimText> claims)
            throws IOException {
        double weight = settings.coverageWeight();
        double max = 0;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        if (max <= 0) {
            return;
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= max;
        }
        int depth = Math.min(RESCORE_DEPTH, groups.size());
        int[] docs = new int[depth];
        for (int i = 0; i < depth; i++) {
            docs[i] = groups.get(i).doc();
        }
        readClaims(searcher, docs, false, claims);
        Set<String> queryTerms = new HashSet<>(terms.of(AnalyzerSet.FOLDED));
        var reader = searcher.getIndexReader();
        double count = reader.numDocs();
        java.util.Map<String, Double> idfs = new java.util.HashMap<>();
        for (int i = 0; i < depth; i++) {
            double total = 0;
            double shared = 0;
            Set<String> claimTerms = new HashSet<>();
            claims.get(docs[i]).folded().forEach(token -> claimTerms.add(token.term()));
            for (String term : claimTerms) {
                Double idf = idfs.get(term);
                if (idf == null) {
                    double df = lookup.docFreq(AnalyzerSet.FOLDED, term);
                    idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
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

    /** Reads the text and the analysis kept at indexing of the claims not read yet. */
    private static void readClaims(
            IndexSearcher searcher, int[] docs, boolean english, java.util.Map<Integer, ClaimText> claims)
            throws IOException {
        int[] missing = java.util.Arrays.stream(docs)
                .filter(doc -> !claims.containsKey(doc))
                .toArray();
        String[] texts = ClaimIndex.binaryValues(searcher, missing, ClaimIndex.TEXT);
        var folded = ClaimIndex.binaryBytes(searcher, missing, ClaimIndex.FOLDED_TOKENS);
        var terms = english ? ClaimIndex.binaryBytes(searcher, missing, ClaimIndex.ENGLISH_TERMS) : null;
        for (int i = 0; i < missing.length; i++) {
            claims.put(
                    missing[i],
                    new ClaimText(
                            texts[i],
                            ClaimAnalysis.decodeTokens(folded[i]),
                            terms == null ? List.of() : ClaimAnalysis.decodeTerms(terms[i])));
        }
    }

    private boolean denseApplies(Language lang) {
        EmbeddingStore vectors = index.vectors();
        return settings.dense()
                && vectors != null
                && (lang == Language.EN || vectors.embedder().multilingual());
    }

    private float[] embed(String cleaned) {
        return Objects.requireNonNull(index.vectors()).embedder().embedQuery(cleaned);
    }

    /**
     * Whether a text has anything to match: a letter or a digit. Spaces of every kind (no-break, zero-width),
     * format characters, lone combining marks, punctuation and emoji alone do not count.
     */
    public static boolean hasWords(CharSequence text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Cosines of the query with each candidate's stored vector, looked up by the text key doc value. */
    private double[] cosines(float[] vector, List<Hit> groups) {
        return Objects.requireNonNull(index.vectors())
                .dots(groups.stream().mapToLong(Hit::textKey).toArray(), vector);
    }

    /**
     * Adds the groups of the claims nearest to the post's vector (Lucene's HNSW search) that BM25 did not bring, with
     * their BM25 score for the same query (0 when they share no term with it), so that the fusion ranks them like the
     * others. BM25 finds most claims a post repeats; these say the same in other words. On CLEF-2020 dev, 8 of the 11
     * posts whose claim was outside the top 20 of BM25's re-ranked candidates had it among the 20 nearest vectors.
     */
    private void addDenseHits(IndexSearcher searcher, Query query, float[] vector, List<Hit> groups)
            throws IOException {
        int k = settings.denseCandidates();
        // DOT_PRODUCT scores are (1 + cosine) / 2.
        float floor = (float) ((1 + MatcherSettings.DENSE_MIN_COSINE) / 2);
        ScoreDoc[] docs = java.util.Arrays.stream(
                        searcher.search(new KnnFloatVectorQuery(ClaimIndex.VECTOR, vector, k), k).scoreDocs)
                .filter(hit -> hit.score >= floor)
                .toArray(ScoreDoc[]::new);
        long[][] keys = ClaimIndex.numericValues(searcher, docs, ClaimIndex.GROUP_HASH, ClaimIndex.TEXT_KEY);
        Set<Long> seen = new HashSet<>();
        groups.forEach(hit -> seen.add(hit.group()));
        List<Integer> added = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            if (seen.add(keys[0][i])) {
                added.add(i);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        int[] targets = added.stream().mapToInt(i -> docs[i].doc).toArray();
        double[] bm25 = scores(searcher, query, targets);
        for (int j = 0; j < targets.length; j++) {
            int i = added.get(j);
            groups.add(new Hit(targets[j], bm25[j], keys[0][i], keys[1][i]));
        }
    }

    /** The score of {@code query} for each of {@code docs} (0 where it does not match). */
    private static double[] scores(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        double[] out = new double[docs.length];
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        Scorer scorer = null;
        for (int i : order) {
            int doc = docs[i];
            while (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(++leafIndex);
                scorer = weight.scorer(leaf);
            }
            if (scorer != null) {
                int target = doc - leaf.docBase;
                DocIdSetIterator it = scorer.iterator();
                int at = it.docID() < target ? it.advance(target) : it.docID();
                if (at == target) {
                    out[i] = scorer.score();
                }
            }
        }
        return out;
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
    private static double calibrated(Set<String> queryTerms, Set<String> claimTerms, @Nullable Double cosine) {
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

    /** The runs of the claim whose folded words the query contains (English stop words alone are not a run). */
    private static List<String> highlights(
            Set<String> queryFolded, List<ClaimAnalysis.Token> claim, String text, Language lang) {
        List<String> out = new ArrayList<>();
        int start = -1;
        int end = -1;
        boolean meaningful = false;
        for (ClaimAnalysis.Token token : claim) {
            boolean stop = lang == Language.EN && EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(token.term());
            if (queryFolded.contains(token.term())) {
                if (start < 0) {
                    start = token.start();
                }
                end = token.end();
                meaningful |= !stop;
            } else {
                if (start >= 0 && meaningful) {
                    out.add(text.substring(start, end));
                }
                start = -1;
                meaningful = false;
            }
        }
        if (start >= 0 && meaningful) {
            out.add(text.substring(start, end));
        }
        return out;
    }

    static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
        return ClaimAnalysis.tokens(analyzer, field, text).stream()
                .map(ClaimAnalysis.Token::term)
                .toList();
    }

    /**
     * The words of a post that say something, for the rule that short texts are never linked without asking: links,
     * handles and a tweet's "(@handle) date" signature are left out (as {@link TweetCleanup} leaves them out), and so
     * are runs of digits alone (dates, times, counts), so that a three-word claim with a link and a time stamp stays
     * short.
     */
    static int words(String text) {
        return wordsSaid(TweetCleanup.clean(text));
    }

    /** {@link #words} of a text already cleaned by {@link TweetCleanup}. */
    private static int wordsSaid(String said) {
        int n = 0;
        boolean inWord = false;
        boolean letter = false;
        for (int i = 0; i < said.length(); ) {
            int cp = said.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
            if (wordChar) {
                letter |= Character.isLetter(cp);
            } else if (inWord) {
                n += letter ? 1 : 0;
                letter = false;
            }
            inWord = wordChar;
            i += Character.charCount(cp);
        }
        return n + (inWord && letter ? 1 : 0);
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

    /** Adds the late clauses' scores to the candidates' BM25 and puts them back in BM25 order (a stable sort). */
    private static void addLateScores(
            IndexSearcher searcher, TermStatsCache.Lookup lookup, LateClauses late, List<Hit> groups)
            throws IOException {
        if (late.isEmpty()) {
            return;
        }
        double[] added =
                late.scores(searcher, lookup, groups.stream().mapToInt(Hit::doc).toArray());
        for (int i = 0; i < added.length; i++) {
            Hit hit = groups.get(i);
            groups.set(i, new Hit(hit.doc(), hit.bm25() + added[i], hit.group(), hit.textKey()));
        }
        groups.sort(Comparator.comparingDouble(Hit::bm25).reversed());
    }

    /**
     * A BM25 hit, representative of its twin group (by group hash), with its claim's text key when dense re-ranking
     * reads it.
     */
    private record Hit(int doc, double bm25, long group, long textKey) {}

    /** A claim's text, its folded tokens and (for English posts) its English terms. */
    private record ClaimText(String text, List<ClaimAnalysis.Token> folded, List<String> english) {}

    /** The query text analysed once per field, on first use. */
    /** The terms of {@code field} for a query text, as matching builds them (for tests). */
    static List<String> queryTerms(AnalyzerSet analyzers, String field, String text) {
        return new QueryTerms(analyzers, text).of(field);
    }

    /** The folded tokens of a query text, with the offsets highlights use (for tests). */
    static List<ClaimAnalysis.Token> queryFoldedTokens(AnalyzerSet analyzers, String text) {
        return new QueryTerms(analyzers, text).folded();
    }

    private static final class QueryTerms {
        private final AnalyzerSet analyzers;
        private final String text;
        private final java.util.Map<String, List<String>> byField = new java.util.HashMap<>();
        private @Nullable List<ClaimAnalysis.Token> exact;
        private @Nullable List<ClaimAnalysis.Token> folded;

        QueryTerms(AnalyzerSet analyzers, String text) {
            this.analyzers = analyzers;
            this.text = text;
        }

        List<String> of(String field) {
            return byField.computeIfAbsent(field, f -> {
                try {
                    if (f.equals(AnalyzerSet.FOLDED)) {
                        return folded().stream().map(ClaimAnalysis.Token::term).toList();
                    }
                    if (f.equals(AnalyzerSet.EXACT) && analyzers.foldingOfExact() != null) {
                        return exact().stream().map(ClaimAnalysis.Token::term).toList();
                    }
                    if (f.equals(AnalyzerSet.BIGRAM) && analyzers.bigramsOfFolded()) {
                        return bigrams(folded());
                    }
                    return terms(analyzers.analyzer(), f, text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        private List<ClaimAnalysis.Token> exact() {
            if (exact == null) {
                exact = ClaimAnalysis.tokens(analyzers.analyzer(), AnalyzerSet.EXACT, text);
            }
            return exact;
        }

        /**
         * The folded tokens: the exact ones folded term by term where the analysis allows it (one run of the
         * Vietnamese chain for both fields; it was a fifth of a match during a bulk import), else their own run.
         */
        private List<ClaimAnalysis.Token> folded() {
            if (folded == null) {
                var folding = analyzers.foldingOfExact();
                folded = folding == null
                        ? ClaimAnalysis.tokens(analyzers.analyzer(), AnalyzerSet.FOLDED, text)
                        : exact().stream()
                                .map(t -> new ClaimAnalysis.Token(
                                        folding.apply(t.term()), t.positionIncrement(), t.start(), t.end()))
                                .toList();
            }
            return folded;
        }

        /** The bigram field's terms: the same shingles the bigram analyzer makes, from the folded tokens. */
        private static List<String> bigrams(List<ClaimAnalysis.Token> tokens) throws IOException {
            List<String> out = new ArrayList<>();
            ShingleFilter shingles = new ShingleFilter(ClaimAnalysis.replay(tokens), 2, 2);
            shingles.setOutputUnigrams(false);
            try (TokenStream stream = shingles) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    out.add(term.toString());
                }
                stream.end();
            }
            return out;
        }
    }
}
