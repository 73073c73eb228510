package org.factdesk.matching.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CheckThat! scorer's metrics: AP@k sums precision at each relevant rank up to k and divides by the number of
 * relevant claims of the query; MAP@k, MRR and Recall@k average over the queries that have qrels (a query with qrels
 * but no ranking counts as zero).
 */
public final class Metrics {

    /** The metric names in the order they are printed. */
    public static final List<String> NAMES =
            List.of("MAP@1", "MAP@3", "MAP@5", "MRR", "Recall@1", "Recall@5", "Recall@20");

    private Metrics() {}

    public static double averagePrecision(List<String> ranking, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        int hits = 0;
        double sum = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (relevant.contains(ranking.get(i))) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / relevant.size();
    }

    public static double reciprocalRank(List<String> ranking, Set<String> relevant) {
        for (int i = 0; i < ranking.size(); i++) {
            if (relevant.contains(ranking.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    public static double recall(List<String> ranking, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        long found =
                ranking.stream().limit(k).filter(relevant::contains).distinct().count();
        return (double) found / relevant.size();
    }

    /**
     * All metrics over the queries of {@code qrels}; {@code rankings} maps a query id to its ranked ids (missing
     * queries count as empty rankings).
     */
    public static Map<String, Double> compute(Map<String, List<String>> rankings, Map<String, Set<String>> qrels) {
        double[] sums = new double[NAMES.size()];
        for (var entry : qrels.entrySet()) {
            List<String> ranking = rankings.getOrDefault(entry.getKey(), List.of());
            Set<String> relevant = entry.getValue();
            sums[0] += averagePrecision(ranking, relevant, 1);
            sums[1] += averagePrecision(ranking, relevant, 3);
            sums[2] += averagePrecision(ranking, relevant, 5);
            sums[3] += reciprocalRank(ranking, relevant);
            sums[4] += recall(ranking, relevant, 1);
            sums[5] += recall(ranking, relevant, 5);
            sums[6] += recall(ranking, relevant, 20);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        int n = Math.max(1, qrels.size());
        for (int i = 0; i < NAMES.size(); i++) {
            out.put(NAMES.get(i), sums[i] / n);
        }
        return out;
    }
}
