package org.factdesk.matching.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsTests {

    @Test
    void computesTheCheckThatMetricsOnAHandMadeExample() {
        // q1: gold at rank 2. q2: two gold claims at ranks 1 and 3. q3: gold at rank 6. q4: has qrels, no ranking.
        Map<String, List<String>> rankings = Map.of(
                "q1", List.of("x", "g1", "y"),
                "q2", List.of("g2", "x", "g3", "y"),
                "q3", List.of("a", "b", "c", "d", "e", "g4"));
        Map<String, Set<String>> qrels =
                Map.of("q1", Set.of("g1"), "q2", Set.of("g2", "g3"), "q3", Set.of("g4"), "q4", Set.of("g5"));

        Map<String, Double> m = Metrics.compute(rankings, qrels);

        // AP@1: q1 0, q2 (1/1)/2 = 0.5, q3 0, q4 0
        assertThat(m.get("MAP@1")).isCloseTo(0.5 / 4, within(1e-9));
        // AP@3: q1 1/2, q2 (1 + 2/3)/2, q3 0, q4 0
        assertThat(m.get("MAP@3")).isCloseTo((0.5 + (1 + 2.0 / 3) / 2) / 4, within(1e-9));
        assertThat(m.get("MAP@5")).isCloseTo((0.5 + (1 + 2.0 / 3) / 2) / 4, within(1e-9));
        // RR: q1 1/2, q2 1, q3 1/6, q4 0
        assertThat(m.get("MRR")).isCloseTo((0.5 + 1 + 1.0 / 6) / 4, within(1e-9));
        // Recall@1: q2 finds 1 of 2
        assertThat(m.get("Recall@1")).isCloseTo(0.5 / 4, within(1e-9));
        assertThat(m.get("Recall@5")).isCloseTo((1 + 1 + 0) / 4.0, within(1e-9));
        assertThat(m.get("Recall@20")).isCloseTo(3 / 4.0, within(1e-9));
        assertThat(m.keySet()).containsExactlyElementsOf(Metrics.NAMES);
    }

    @Test
    void averagePrecisionDividesByAllRelevantClaims() {
        assertThat(Metrics.averagePrecision(List.of("a", "b"), Set.of("a", "z"), 5))
                .isEqualTo(0.5);
        assertThat(Metrics.averagePrecision(List.of("b", "a"), Set.of("a"), 1)).isZero();
        assertThat(Metrics.reciprocalRank(List.of(), Set.of("a"))).isZero();
    }
}
