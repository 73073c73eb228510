package org.factdesk.matching.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.factdesk.matching.engine.AnalyzerSet;
import org.factdesk.matching.engine.ClaimDoc;
import org.factdesk.matching.engine.ClaimIndex;
import org.factdesk.matching.engine.ClaimMatcher;
import org.factdesk.matching.engine.Embedder;
import org.factdesk.matching.engine.Embedders;
import org.factdesk.matching.engine.MatcherSettings;
import org.factdesk.shared.Language;
import org.factdesk.shared.TextFolding;
import org.jspecify.annotations.Nullable;

/**
 * {@code bench}: how fast matching is on a large collection. Builds an on-disk index of {@code --claims} claims (the
 * CLEF collections and vi-claims, plus generated variants of them: words dropped, accents stripped, a place or year
 * added) and measures the build, the index size, the heap, and {@code match} throughput and latency (p50, p99) with
 * BM25 only and with dense re-ranking, on 1 and 2 threads. Embedding throughput is measured on
 * {@code --dense-claims} claims. Prints one {@code name value} line per figure.
 */
public final class BenchCommand {

    private static final String[] PLACES = {
        "ở Hà Nội", "tại TP.HCM", "ở Đà Nẵng", "in 2021", "this week", "in Vietnam", "tại Nghệ An", "last year"
    };

    private final PrintStream out;
    private final PrintStream err;

    public BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int main(String[] args, PrintStream out, PrintStream err) {
        return new BenchCommand(out, err).run(args);
    }

    public int run(String[] args) {
        int claims = 100_000;
        int denseClaims = 5_000;
        int queries = 2_000;
        Path data = Path.of("../shared/data");
        @Nullable Path indexDirectory = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--claims" -> claims = Integer.parseInt(args[i + 1]);
                case "--dense-claims" -> denseClaims = Integer.parseInt(args[i + 1]);
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                case "--index" -> indexDirectory = Path.of(args[i + 1]);
                default -> {
                    err.println("Unknown option " + args[i] + "; bench [--claims N] [--dense-claims N] [--queries N]"
                            + " [--data DIR] [--index DIR]");
                    return 2;
                }
            }
        }
        try {
            return bench(data, claims, denseClaims, queries, indexDirectory);
        } catch (IOException | RuntimeException e) {
            err.println("bench failed: " + e.getMessage());
            return 1;
        }
    }

    private int bench(Path data, int claims, int denseClaims, int queryCount, @Nullable Path keep) throws IOException {
        List<ClaimDoc> base = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        Benchmark clef2020 = Benchmark.read(
                Benchmark.Format.CLEF2020,
                data.resolve("clef2020-t2-en/verified_claims.docs.tsv"),
                data.resolve("clef2020-t2-en/dev/tweets.queries.tsv"),
                data.resolve("clef2020-t2-en/dev/tweet-vclaim-pairs.qrels"));
        Benchmark clef2022 = Benchmark.read(
                Benchmark.Format.CLEF2022,
                data.resolve("clef2022-t2a-en/vclaims.jsonl"),
                data.resolve("clef2022-t2a-en/CT2022-Task2A-EN-Train-Dev_Queries.tsv"),
                data.resolve("clef2022-t2a-en/CT2022-Task2A-EN-Dev_QRELs.tsv"));
        Benchmark vi = Benchmark.read(
                Benchmark.Format.TSV,
                data.resolve("vi-claims/collection.tsv"),
                data.resolve("vi-claims/dev.queries.tsv"),
                data.resolve("vi-claims/dev.qrels.tsv"));
        for (Benchmark set : List.of(clef2020, clef2022, vi)) {
            base.addAll(set.collection());
            set.qrels().keySet().stream()
                    .map(set.queries()::get)
                    .filter(text -> text != null && !text.isBlank())
                    .forEach(queries::add);
        }
        List<ClaimDoc> collection = grow(base, claims);
        out.printf("claims %d%n", collection.size());
        out.printf("base_claims %d%n", base.size());

        Path directory = Files.createTempDirectory("factdesk-bench");
        try {
            long heapBefore = usedHeap();
            long start = System.nanoTime();
            Path lexical = keep != null ? keep : directory.resolve("claims");
            try (ClaimIndex index = ClaimIndex.open(lexical, AnalyzerSet.defaults(), null)) {
                if (keep == null || index.needsRebuild() || index.size() != collection.size()) {
                    index.replaceAll(collection);
                    out.printf("index_build_seconds %.1f%n", seconds(start));
                } else {
                    out.printf("index_reused %s%n", keep);
                }
                out.printf("index_size_mb %.1f%n", size(lexical) / 1e6);
                out.printf("heap_used_mb %.0f%n", (usedHeap() - heapBefore) / 1e6);
                ClaimMatcher matcher =
                        new ClaimMatcher(index, MatcherSettings.defaults().withDense(false));
                for (int threads : new int[] {1, 2}) {
                    latency(matcher, queries, queryCount, threads, "bm25");
                }
            }

            if (denseClaims <= 0) {
                return 0;
            }
            Embedder embedder = Embedders.miniLm();
            List<ClaimDoc> denseCollection = collection.subList(0, Math.min(denseClaims, collection.size()));
            start = System.nanoTime();
            try (ClaimIndex index = ClaimIndex.open(directory.resolve("dense"), AnalyzerSet.defaults(), embedder)) {
                index.replaceAll(denseCollection);
                double embedSeconds = seconds(start);
                out.printf("dense_claims %d%n", denseCollection.size());
                out.printf("dense_index_build_seconds %.1f%n", embedSeconds);
                out.printf("embedded_claims_per_second %.0f%n", denseCollection.size() / embedSeconds);
                out.printf(
                        "embedding_100k_claims_minutes_estimated %.1f%n",
                        100_000 / (denseCollection.size() / embedSeconds) / 60);
                start = System.nanoTime();
                index.replaceAll(denseCollection);
                out.printf("dense_rebuild_seconds_cached_vectors %.1f%n", seconds(start));
                ClaimMatcher matcher =
                        new ClaimMatcher(index, MatcherSettings.defaults().withDense(true));
                // MiniLM speaks English: dense re-ranking applies to English posts only.
                List<String> english = queries.stream()
                        .filter(query -> Language.detect(query) == Language.EN)
                        .toList();
                for (int threads : new int[] {1, 2}) {
                    latency(matcher, english, Math.min(queryCount, 1000), threads, "dense");
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        return 0;
    }

    private void latency(ClaimMatcher matcher, List<String> queries, int count, int threads, String name) {
        // Warm-up: every query twice (at least 1,000 matches), so that the figures are of compiled code, not of
        // the JIT compiler at work (with 200 warm-up matches the first run measured mostly the compiler).
        for (int i = 0; i < Math.max(1000, 2 * queries.size()); i++) {
            matcher.match(queries.get(i % queries.size()), 10);
        }
        long[] nanos = new long[count];
        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        var threadBean = java.lang.management.ManagementFactory.getThreadMXBean();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long cpuStart = threadBean.getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        matcher.match(queries.get(i % queries.size()), 10);
                        nanos[i] = System.nanoTime() - begin;
                    }
                    cpu.addAndGet(threadBean.getCurrentThreadCpuTime() - cpuStart);
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        double elapsed = seconds(start);
        Arrays.sort(nanos);
        out.printf("%s_threads_%d_matches_per_second %.0f%n", name, threads, count / elapsed);
        out.printf("%s_threads_%d_p50_ms %.2f%n", name, threads, nanos[count / 2] / 1e6);
        out.printf("%s_threads_%d_p99_ms %.2f%n", name, threads, nanos[(int) (count * 0.99)] / 1e6);
        // CPU time of the matching threads: a figure that other load on the machine disturbs less.
        out.printf("%s_threads_%d_cpu_ms_per_match %.2f%n", name, threads, cpu.get() / 1e6 / count);
    }

    /** The base claims, then seeded variants of them until there are {@code target}. */
    static List<ClaimDoc> grow(List<ClaimDoc> base, int target) {
        List<ClaimDoc> all = new ArrayList<>(base.subList(0, Math.min(base.size(), target)));
        Random random = new Random(20211);
        int round = 0;
        while (all.size() < target) {
            ClaimDoc source = base.get(random.nextInt(base.size()));
            String[] words = source.text().split("\\s+");
            StringBuilder text = new StringBuilder();
            int dropped = words.length > 4 ? random.nextInt(words.length) : -1;
            for (int i = 0; i < words.length; i++) {
                if (i != dropped) {
                    text.append(words[i]).append(' ');
                }
            }
            String variant = text.toString().strip();
            if (random.nextBoolean()) {
                variant = TextFolding.fold(variant);
            }
            variant = variant + " " + PLACES[random.nextInt(PLACES.length)] + " " + (round++ % 997);
            all.add(ClaimDoc.of("variant-" + all.size(), variant, source.title()));
        }
        return all;
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(path -> path.toFile().length())
                    .sum();
        }
    }
}
