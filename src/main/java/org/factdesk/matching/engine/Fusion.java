package org.factdesk.matching.engine;

/** Combines BM25 and cosine scores of the same candidates into one ranking score. */
public final class Fusion {

    private Fusion() {}

    /**
     * LINEAR: {@code w * bm25 / max(bm25) + (1 - w) * cosine}; RRF: {@code 1/(k + rank_bm25) + 1/(k + rank_cosine)}.
     */
    public static double[] fuse(MatcherSettings.Fusion kind, double bm25Weight, int rrfK, double[] bm25, double[] cos) {
        int n = bm25.length;
        double[] out = new double[n];
        if (kind == MatcherSettings.Fusion.RRF) {
            int[] rb = ranks(bm25);
            int[] rc = ranks(cos);
            for (int i = 0; i < n; i++) {
                out[i] = 1.0 / (rrfK + rb[i]) + 1.0 / (rrfK + rc[i]);
            }
            return out;
        }
        double max = 0;
        for (double b : bm25) {
            max = Math.max(max, b);
        }
        for (int i = 0; i < n; i++) {
            double b = max > 0 ? bm25[i] / max : 0;
            out[i] = bm25Weight * b + (1 - bm25Weight) * cos[i];
        }
        return out;
    }

    private static int[] ranks(double[] scores) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r + 1;
        }
        return rank;
    }
}
