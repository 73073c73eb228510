package org.factdesk.matching.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The in-process embedders: the bundled all-MiniLM-L6-v2 (quantised, English) and any ONNX sentence model. */
public final class Embedders {

    private Embedders() {}

    /**
     * ONNX Runtime threads per inference. One: queries are embedded concurrently by the request threads and claims
     * in parallel batches, so more threads per inference only make the inferences contend for the cores (on two
     * cores, 2 intra-op threads each gave a dense p99 a fifth higher under two concurrent matches).
     */
    public static final int DEFAULT_THREADS = 1;

    /** The quantised all-MiniLM-L6-v2 shipped inside the jar: English only, 384 dimensions, works offline. */
    public static Embedder miniLm() {
        return miniLm(DEFAULT_THREADS);
    }

    /** The bundled model with {@code threads} ONNX Runtime threads per inference. */
    public static Embedder miniLm(int threads) {
        nativeCacheDirectory();
        try (InputStream model = resource("all-minilm-l6-v2-q.onnx");
                InputStream tokenizer = resource("all-minilm-l6-v2-q-tokenizer.json")) {
            return new ModelEmbedder(
                    "all-minilm-l6-v2-q", false, new SessionModel(model.readAllBytes(), tokenizer, threads), "", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled MiniLM model", e);
        }
    }

    /**
     * Any ONNX sentence model with mean pooling, e.g. multilingual-e5-small with {@code queryPrefix = "query: "} and
     * {@code passagePrefix = "passage: "}.
     */
    public static Embedder onnx(
            String name, Path model, Path tokenizer, String queryPrefix, String passagePrefix, boolean multilingual) {
        return onnx(name, model, tokenizer, queryPrefix, passagePrefix, multilingual, DEFAULT_THREADS);
    }

    /** {@link #onnx(String, Path, Path, String, String, boolean)} with {@code threads} threads per inference. */
    public static Embedder onnx(
            String name,
            Path model,
            Path tokenizer,
            String queryPrefix,
            String passagePrefix,
            boolean multilingual,
            int threads) {
        if (!Files.isReadable(model) || !Files.isReadable(tokenizer)) {
            throw new IllegalArgumentException(
                    "Cannot read the ONNX model " + model + " or its tokenizer " + tokenizer);
        }
        nativeCacheDirectory();
        try (InputStream tokens = Files.newInputStream(tokenizer)) {
            return new ModelEmbedder(
                    name,
                    multilingual,
                    new SessionModel(Files.readAllBytes(model), tokens, threads),
                    queryPrefix,
                    passagePrefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ONNX model " + model, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in =
                AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Resource " + name + " is missing from the class path");
        }
        return in;
    }

    /** An in-process model on an ONNX Runtime session of our own, so that its thread count can be set. */
    private static final class SessionModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SessionModel(byte[] model, InputStream tokenizer, int threads) {
            super(null);
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            try {
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(threads);
                options.setInterOpNumThreads(1);
                this.encoder = new OnnxBertBiEncoder(
                        environment, environment.createSession(model, options), tokenizer, PoolingMode.MEAN);
            } catch (OrtException e) {
                throw new IllegalStateException("Cannot load the ONNX model: " + e.getMessage(), e);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
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
