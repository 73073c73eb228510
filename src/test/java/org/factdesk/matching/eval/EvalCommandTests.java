package org.factdesk.matching.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factdesk.matching.engine.Band;
import org.factdesk.matching.engine.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTests {

    private static final Path VI_CLAIMS = Path.of("..", "shared", "data", "vi-claims");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int eval(String... args) {
        return EvalCommand.main(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Map<String, Double> printedMetrics() {
        Map<String, Double> metrics = new HashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            assertThat(line).matches("[A-Za-z@0-9]+ \\d\\.\\d{4}");
            String[] parts = line.split(" ");
            metrics.put(parts[0], Double.parseDouble(parts[1]));
        }
        return metrics;
    }

    @Test
    void evaluatesASliceOfVietnameseClaimsAboveAConservativeFloor() throws IOException {
        assumeTrue(
                Files.isDirectory(VI_CLAIMS),
                "vi-claims not found at " + VI_CLAIMS.toAbsolutePath() + ": evaluation test skipped");
        Path run = dir.resolve("run.txt");
        int code = eval(
                "--format", "tsv",
                "--collection", VI_CLAIMS.resolve("collection.tsv").toString(),
                "--queries", VI_CLAIMS.resolve("dev.queries.tsv").toString(),
                "--qrels", VI_CLAIMS.resolve("dev.qrels.tsv").toString(),
                "--only", "dq",
                "--run", run.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Map<String, Double> metrics = printedMetrics();
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(Metrics.NAMES);
        // Folded BM25 over claim and title scored 0.859 MAP@5 on these 100 posts in the data set's README.
        assertThat(metrics.get("MAP@5")).isGreaterThan(0.80);
        assertThat(metrics.get("Recall@20")).isGreaterThan(0.90);
        List<String> lines = Files.readAllLines(run);
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0)).matches("dq\\d+\tQ0\t\\S+\t1\t\\d\\.\\d+\tbm25");
    }

    @Test
    void failsClearlyOnUnreadableInput() {
        int code = eval(
                "--format", "tsv",
                "--collection", dir.resolve("missing.tsv").toString(),
                "--queries", dir.resolve("q.tsv").toString(),
                "--qrels", dir.resolve("r.tsv").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read").contains("missing.tsv");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void failsOnWrongArguments() {
        assertThat(eval("--format", "trec")).isEqualTo(2);
        assertThat(eval("--collection", "c")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: eval");
    }

    @Test
    void evaluatesASmallHandMadeBenchmarkWithTwins() throws IOException {
        Path collection = dir.resolve("c.tsv");
        Files.writeString(collection, """
                id\tclaim\ttitle
                1\tBill Gates said "vaccines will reduce the population".\tNo, he did not
                2\tBill Gates said “vaccines will reduce the population”.\tNo, he did not
                3\tA shark swims on a flooded highway in Houston.\tFake photo
                """);
        Path queries = dir.resolve("q.tsv");
        Files.writeString(queries, """
                id\ttext
                q1\tGates says vaccines reduce the population!!
                q2\tlook, a shark on the flooded highway in Houston
                """);
        Path qrels = dir.resolve("r.tsv");
        Files.writeString(qrels, "q1\t0\t2\t1\nq2\t0\t3\t1\n");
        assertThat(eval(
                        "--collection", collection.toString(),
                        "--queries", queries.toString(),
                        "--qrels", qrels.toString()))
                .isZero();
        assertThat(printedMetrics()).containsEntry("MAP@1", 1.0).containsEntry("MRR", 1.0);
    }

    @Test
    void aHitOnAnyTwinOfTheGoldClaimCounts() {
        var candidates = List.of(
                new Candidate("a", List.of("b"), 0.9, Band.SUGGEST, List.of(), 3.0, null),
                new Candidate("c", List.of(), 0.5, Band.SUGGEST, List.of(), 2.0, null));
        var rankings = EvalCommand.rankings(Map.of("q", candidates), Map.of("q", Set.of("b")));
        assertThat(rankings.get("q")).containsExactly("b", "c");
    }
}
