package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled all-MiniLM-L6-v2 (quantised) loads offline and puts a paraphrase nearer than an unrelated claim. */
class MiniLmEmbedderTests {

    @Test
    void embedsNormalisedVectorsThatRankAParaphraseFirst() {
        Embedder embedder = Embedders.miniLm();
        float[] query = embedder.embedQuery("Sharks were seen swimming on the highway after the Houston flood");
        List<float[]> claims = embedder.embedPassages(
                List.of("A shark swims on a flooded highway in Houston.", "Drinking lemon water cures cancer."));
        assertThat(query).hasSize(384);
        assertThat(dot(query, query)).isCloseTo(1.0, within(1e-4));
        assertThat(dot(query, claims.get(0))).isGreaterThan(dot(query, claims.get(1)) + 0.2);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
