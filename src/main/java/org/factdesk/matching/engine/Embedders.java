package org.factdesk.matching.engine;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The in-process embedders: the bundled all-MiniLM-L6-v2 (quantised, English) and any ONNX sentence model. */
public final class Embedders {

    private Embedders() {}

    /** The quantised all-MiniLM-L6-v2 shipped inside the jar: English only, 384 dimensions, works offline. */
    public static Embedder miniLm() {
        nativeCacheDirectory();
        return new ModelEmbedder("all-minilm-l6-v2-q", false, new AllMiniLmL6V2QuantizedEmbeddingModel(), "", "");
    }

    /**
     * Any ONNX sentence model with mean pooling, e.g. multilingual-e5-small with {@code queryPrefix = "query: "} and
     * {@code passagePrefix = "passage: "}.
     */
    public static Embedder onnx(
            String name, Path model, Path tokenizer, String queryPrefix, String passagePrefix, boolean multilingual) {
        if (!Files.isReadable(model) || !Files.isReadable(tokenizer)) {
            throw new IllegalArgumentException(
                    "Cannot read the ONNX model " + model + " or its tokenizer " + tokenizer);
        }
        nativeCacheDirectory();
        return new ModelEmbedder(
                name,
                multilingual,
                new OnnxEmbeddingModel(model.toString(), tokenizer.toString(), PoolingMode.MEAN),
                queryPrefix,
                passagePrefix);
    }

    /** The tokenizer's native library goes under DJL_CACHE_DIR; default it to the temp dir instead of the home. */
    private static void nativeCacheDirectory() {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty(
                    "DJL_CACHE_DIR",
                    Path.of(System.getProperty("java.io.tmpdir"), "factdesk-djl")
                            .toString());
        }
    }

    static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm == 0f) {
            return vector.clone();
        }
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = vector[i] / norm;
        }
        return out;
    }

    private record ModelEmbedder(
            String name, boolean multilingual, EmbeddingModel model, String queryPrefix, String passagePrefix)
            implements Embedder {

        @Override
        public float[] embedQuery(String text) {
            return normalised(model.embed(queryPrefix + text).content().vector());
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            List<TextSegment> segments = new ArrayList<>(texts.size());
            for (String text : texts) {
                segments.add(TextSegment.from(passagePrefix + text));
            }
            List<float[]> out = new ArrayList<>(texts.size());
            for (Embedding embedding : model.embedAll(segments).content()) {
                out.add(normalised(embedding.vector()));
            }
            return out;
        }
    }
}
