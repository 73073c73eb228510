package org.factdesk.matching.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into an L2-normalised vector, so that a dot product is the cosine similarity. Queries and passages
 * (claims) may be embedded differently (e5-style "query: "/"passage: " prefixes).
 */
public interface Embedder {

    /** Names the model; stored vectors are only reused for the same name. */
    String name();

    /** Whether the model's similarities mean something outside English. */
    boolean multilingual();

    float[] embedQuery(String text);

    default List<float[]> embedPassages(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(embedQuery(text));
        }
        return out;
    }
}
