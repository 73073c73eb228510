package org.factdesk.matching.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.factdesk.matching.engine.AnalyzerSet;
import org.factdesk.matching.engine.Candidate;
import org.factdesk.matching.engine.ClaimIndex;
import org.factdesk.matching.engine.ClaimMatcher;
import org.factdesk.matching.engine.Embedder;
import org.factdesk.matching.engine.Embedders;
import org.factdesk.matching.engine.Fusion;
import org.factdesk.matching.engine.MatcherSettings;
import org.jspecify.annotations.Nullable;

/**
 * {@code eval --format clef2020|clef2022|tsv --collection C --queries Q --qrels R [--run OUT] [--dense] [--config
 * NAME]}: builds a fresh in-memory index from the collection, matches every query that has qrels and prints the
 * CheckThat! metrics, one {@code NAME value} line each, on standard output. Diagnostics go to standard error.
 *
 * <p>A hit on any twin of the gold claim counts (the CLEF-2020 qrels name one member of a group of near-identical
 * claims). Exit codes: 0 done, 1 unreadable input, 2 wrong arguments.
 */
public final class EvalCommand {

    private final PrintStream out;
    private final PrintStream err;

    public EvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command; {@code args} excludes the word "eval". */
    public static int main(String[] args, PrintStream out, PrintStream err) {
        return new EvalCommand(out, err).run(args);
    }

    public int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("eval: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Benchmark benchmark;
        try {
            benchmark = Benchmark.read(options.format, options.collection, options.queries, options.qrels);
            if (!options.only.isEmpty()) {
                benchmark = benchmark.onlyQueriesStartingWith(options.only);
            }
        } catch (IOException | RuntimeException e) {
            err.println("eval: cannot read the benchmark: " + e);
            return 1;
        }
        try {
            return evaluate(options, benchmark);
        } catch (IOException e) {
            err.println("eval: " + e);
            return 1;
        }
    }

    /** The ranked lists of one evaluation, kept to compute metrics and sweeps. */
    public record Result(Map<String, Double> metrics, Map<String, List<Candidate>> candidates) {}

    int evaluate(Options options, Benchmark benchmark) throws IOException {
        MatcherSettings settings = options.settings();
        Embedder embedder = null;
        if (settings.dense()) {
            long t0 = System.nanoTime();
            embedder = options.embedder();
            err.printf(Locale.ROOT, "embedder %s loaded in %.1f s%n", embedder.name(), seconds(t0));
        }
        long t0 = System.nanoTime();
        try (ClaimIndex index = ClaimIndex.inMemory(
                options.stockAnalyzers ? AnalyzerSet.stock() : AnalyzerSet.defaults(),
                embedder,
                options.vectorsFile(embedder))) {
            index.replaceAll(benchmark.collection());
            err.printf(Locale.ROOT, "indexed %d claims in %.1f s%n", index.size(), seconds(t0));
            ClaimMatcher matcher = new ClaimMatcher(index, settings);
            int depth = options.sweep ? settings.candidates() : 20;
            Map<String, List<Candidate>> results = new LinkedHashMap<>();
            long[] times = new long[benchmark.qrels().size()];
            int n = 0;
            for (String qid : benchmark.qrels().keySet()) {
                String text = benchmark.queries().get(qid);
                if (text == null || text.isBlank()) {
                    err.println("eval: no text for query " + qid + "; it counts as a miss");
                    continue;
                }
                long q0 = System.nanoTime();
                results.put(qid, matcher.match(text, depth).candidates());
                times[n++] = System.nanoTime() - q0;
            }
            long[] measured = Arrays.copyOf(times, n);
            Arrays.sort(measured);
            if (n > 0) {
                err.printf(
                        Locale.ROOT,
                        "matched %d queries: p50 %.1f ms, p95 %.1f ms, mean %.1f ms%n",
                        n,
                        measured[n / 2] / 1e6,
                        measured[Math.min(n - 1, (int) (n * 0.95))] / 1e6,
                        Arrays.stream(measured).average().orElse(0) / 1e6);
            }
            Map<String, Double> metrics = Metrics.compute(rankings(results, benchmark.qrels()), benchmark.qrels());
            metrics.forEach((name, value) -> out.printf(Locale.ROOT, "%s %.4f%n", name, value));
            if (options.run != null) {
                writeRun(options.run, results, options.configName);
            }
            if (options.sweep) {
                sweep(results, benchmark.qrels(), settings);
            }
            if (options.thresholds) {
                thresholds(results, benchmark);
            }
            return 0;
        }
    }

    /** Rankings for the scorer: a candidate whose group holds a gold claim stands for that gold claim. */
    static Map<String, List<String>> rankings(Map<String, List<Candidate>> results, Map<String, Set<String>> qrels) {
        Map<String, List<String>> out = new HashMap<>();
        results.forEach((qid, candidates) -> {
            Set<String> gold = qrels.getOrDefault(qid, Set.of());
            List<String> ranking = new ArrayList<>();
            for (Candidate c : candidates) {
                String id = c.id();
                for (String member : c.members()) {
                    if (gold.contains(member) && !ranking.contains(member)) {
                        id = member;
                        break;
                    }
                }
                ranking.add(id);
            }
            out.put(qid, ranking);
        });
        return out;
    }

    private void writeRun(Path file, Map<String, List<Candidate>> results, String tag) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            results.forEach((qid, candidates) -> {
                for (int i = 0; i < candidates.size(); i++) {
                    Candidate c = candidates.get(i);
                    w.printf(Locale.ROOT, "%s\tQ0\t%s\t%d\t%.6f\t%s%n", qid, c.id(), i + 1, c.score(), tag);
                }
            });
        }
        err.println("run written to " + file);
    }

    /** MAP@5 and MRR of BM25 blended with the cosine at each weight, and of RRF, from the same candidates. */
    private void sweep(Map<String, List<Candidate>> results, Map<String, Set<String>> qrels, MatcherSettings s) {
        List<Object[]> configs = new ArrayList<>();
        for (int w = 0; w <= 20; w++) {
            configs.add(new Object[] {MatcherSettings.Fusion.LINEAR, w / 20.0});
        }
        configs.add(new Object[] {MatcherSettings.Fusion.RRF, 0.0});
        for (Object[] config : configs) {
            var kind = (MatcherSettings.Fusion) config[0];
            double weight = (double) config[1];
            Map<String, List<Candidate>> reranked = new HashMap<>();
            results.forEach((qid, candidates) -> {
                double[] bm25 = candidates.stream().mapToDouble(Candidate::bm25).toArray();
                double[] cos = candidates.stream()
                        .mapToDouble(c -> c.dense() == null ? 0.0 : c.dense())
                        .toArray();
                double[] fused = Fusion.fuse(kind, weight, s.rrfK(), bm25, cos);
                Integer[] order = new Integer[candidates.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Double.compare(fused[b], fused[a]));
                List<Candidate> list = new ArrayList<>();
                for (Integer i : order) {
                    list.add(candidates.get(i));
                }
                reranked.put(qid, list);
            });
            Map<String, Double> m = Metrics.compute(rankings(reranked, qrels), qrels);
            err.printf(
                    Locale.ROOT,
                    "sweep %s w=%.2f MAP@1 %.4f MAP@5 %.4f MRR %.4f%n",
                    kind,
                    weight,
                    m.get("MAP@1"),
                    m.get("MAP@5"),
                    m.get("MRR"));
        }
    }

    /** For each threshold on the top candidate's score: how many queries reach it and how often it is right. */
    private void thresholds(Map<String, List<Candidate>> results, Benchmark benchmark) {
        for (int t = 10; t <= 95; t += 5) {
            double threshold = t / 100.0;
            int above = 0;
            int right = 0;
            int autos = 0;
            int autosRight = 0;
            for (var e : results.entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                Candidate top = e.getValue().get(0);
                boolean correct =
                        top.members().stream().anyMatch(benchmark.qrels().getOrDefault(e.getKey(), Set.of())::contains);
                if (top.score() >= threshold) {
                    above++;
                    right += correct ? 1 : 0;
                }
                if (top.band() == org.factdesk.matching.engine.Band.AUTO && top.score() >= threshold) {
                    autos++;
                    autosRight += correct ? 1 : 0;
                }
            }
            err.printf(
                    Locale.ROOT,
                    "threshold %.2f: top-1 at or above for %d/%d queries, precision %.3f (AUTO-eligible %d, precision %.3f)%n",
                    threshold,
                    above,
                    results.size(),
                    above == 0 ? 1.0 : (double) right / above,
                    autos,
                    autos == 0 ? 1.0 : (double) autosRight / autos);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static final String USAGE = """
            usage: eval --format clef2020|clef2022|tsv --collection FILE --queries FILE --qrels FILE
                        [--run OUT] [--dense] [--config bm25|bm25-nofold|fused|rrf]
                        [--bm25-weight W] [--dense-candidates N] [--coverage-weight W] [--boosts EN,FOLDED,EXACT,BIGRAM,EN_BIGRAM] [--only PREFIX,...] [--vectors FILE] [--sweep] [--thresholds]
                        [--model ONNX --tokenizer JSON [--model-name N] [--query-prefix P] [--passage-prefix P]
                         [--multilingual]]""";

    /** Parsed command-line options. */
    static final class Options {
        Benchmark.Format format = Benchmark.Format.TSV;

        @Nullable
        Path collection;

        @Nullable
        Path queries;

        @Nullable
        Path qrels;

        @Nullable
        Path run;

        boolean dense;
        boolean stockAnalyzers;
        String configName = "bm25";

        @Nullable
        Double bm25Weight;

        @Nullable
        Double coverageWeight;

        @Nullable
        Integer denseCandidates;

        double @Nullable [] boosts;

        List<String> only = List.of();

        @Nullable
        Path vectors;

        boolean sweep;
        boolean thresholds;

        @Nullable
        Path model;

        @Nullable
        Path tokenizer;

        String modelName = "onnx-model";
        String queryPrefix = "";
        String passagePrefix = "";
        boolean multilingual;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--dense" -> o.dense = true;
                    case "--stock-analyzers" -> o.stockAnalyzers = true;
                    case "--sweep" -> o.sweep = true;
                    case "--thresholds" -> o.thresholds = true;
                    case "--multilingual" -> o.multilingual = true;
                    default -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("unknown option or missing value: " + a);
                        }
                        String v = args[++i];
                        switch (a) {
                            case "--format" ->
                                o.format = switch (v.toLowerCase(Locale.ROOT)) {
                                    case "clef2020" -> Benchmark.Format.CLEF2020;
                                    case "clef2022" -> Benchmark.Format.CLEF2022;
                                    case "tsv" -> Benchmark.Format.TSV;
                                    default -> throw new IllegalArgumentException("unknown format: " + v);
                                };
                            case "--collection" -> o.collection = Path.of(v);
                            case "--queries" -> o.queries = Path.of(v);
                            case "--qrels" -> o.qrels = Path.of(v);
                            case "--run" -> o.run = Path.of(v);
                            case "--config" -> o.configName = v;
                            case "--bm25-weight" -> o.bm25Weight = Double.parseDouble(v);
                            case "--coverage-weight" -> o.coverageWeight = Double.parseDouble(v);
                            case "--dense-candidates" -> o.denseCandidates = Integer.parseInt(v);
                            case "--boosts" ->
                                o.boosts = Arrays.stream(v.split(","))
                                        .mapToDouble(Double::parseDouble)
                                        .toArray();
                            case "--only" -> o.only = List.of(v.split(","));
                            case "--vectors" -> o.vectors = Path.of(v);
                            case "--model" -> o.model = Path.of(v);
                            case "--tokenizer" -> o.tokenizer = Path.of(v);
                            case "--model-name" -> o.modelName = v;
                            case "--query-prefix" -> o.queryPrefix = v;
                            case "--passage-prefix" -> o.passagePrefix = v;
                            default -> throw new IllegalArgumentException("unknown option: " + a);
                        }
                    }
                }
            }
            if (o.collection == null || o.queries == null || o.qrels == null) {
                throw new IllegalArgumentException("--collection, --queries and --qrels are required");
            }
            if (!List.of("bm25", "bm25-nofold", "fused", "rrf").contains(o.configName)) {
                throw new IllegalArgumentException("unknown config: " + o.configName);
            }
            if ((o.model == null) != (o.tokenizer == null)) {
                throw new IllegalArgumentException("--model and --tokenizer go together");
            }
            if (o.configName.equals("fused") || o.configName.equals("rrf") || o.sweep) {
                o.dense = true;
            }
            return o;
        }

        MatcherSettings settings() {
            MatcherSettings s = MatcherSettings.defaults().withDense(dense);
            if (configName.equals("bm25-nofold")) {
                s = s.withFolding(false);
            }
            if (configName.equals("rrf")) {
                s = s.withFusion(MatcherSettings.Fusion.RRF, s.bm25Weight());
            }
            if (boosts != null) {
                if (boosts.length != 5) {
                    throw new IllegalArgumentException(
                            "--boosts takes five numbers: english,folded,exact,bigram,englishBigram");
                }
                s = s.withBoosts(boosts[0], boosts[1], boosts[2], boosts[3], boosts[4]);
            }
            if (denseCandidates != null) {
                s = s.withDenseCandidates(denseCandidates);
            }
            if (coverageWeight != null) {
                s = s.withCoverageWeight(coverageWeight);
            }
            if (bm25Weight != null) {
                s = s.withFusion(s.fusion(), bm25Weight);
            }
            return s;
        }

        Embedder embedder() {
            if (model != null && tokenizer != null) {
                return Embedders.onnx(modelName, model, tokenizer, queryPrefix, passagePrefix, multilingual);
            }
            return Embedders.miniLm();
        }

        /** Where claim vectors are cached between runs: --vectors, else a file per collection in the temp dir. */
        @Nullable
        Path vectorsFile(@Nullable Embedder embedder) {
            if (embedder == null) {
                return null;
            }
            if (vectors != null) {
                return vectors;
            }
            String name = collection.getFileName() + "-"
                    + Integer.toHexString(collection.toAbsolutePath().hashCode()) + "-" + embedder.name() + ".vectors";
            return Path.of(System.getProperty("java.io.tmpdir"), "factdesk-eval", name);
        }
    }
}
