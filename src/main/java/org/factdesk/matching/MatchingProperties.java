package org.factdesk.matching;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of matching.
 *
 * @param maxTextLength texts longer than this are matched on their first characters (and say so)
 * @param itemMatches how many matches to keep per item
 * @param maxQueryLength claim searches are matched on this many first characters of their text (and say so)
 * @param dense whether to re-rank with the sentence-embedding model (English; see {@code modelPath})
 * @param modelPath an ONNX sentence-embedding model to use instead of the bundled all-MiniLM-L6-v2 (for example a
 *     multilingual one), with {@code tokenizerPath}; {@code modelName} names its vectors on disk, the prefixes are
 *     what the model expects before queries and passages (e5: "query: ", "passage: "), and {@code multilingual}
 *     says whether to use it for Vietnamese as well
 * @param embeddingThreads ONNX Runtime threads per embedding (queries are embedded concurrently already)
 */
@ConfigurationProperties("factdesk.matching")
public record MatchingProperties(
        @DefaultValue("5000") int maxTextLength,
        @DefaultValue("5") int itemMatches,
        @DefaultValue("1000") int maxQueryLength,
        @DefaultValue("true") boolean dense,
        @Nullable String modelPath,
        @Nullable String tokenizerPath,
        @DefaultValue("custom") String modelName,
        @DefaultValue("") String queryPrefix,
        @DefaultValue("") String passagePrefix,
        @DefaultValue("true") boolean multilingual,
        @DefaultValue("1") int embeddingThreads) {}
