package org.factdesk.matching.internal;

import java.nio.file.Path;
import org.factdesk.matching.MatchingProperties;
import org.factdesk.matching.engine.AnalyzerSet;
import org.factdesk.matching.engine.ClaimIndex;
import org.factdesk.matching.engine.ClaimMatcher;
import org.factdesk.matching.engine.Embedder;
import org.factdesk.matching.engine.Embedders;
import org.factdesk.matching.engine.MatcherSettings;
import org.factdesk.shared.DataDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the claim index under the data directory, with the embedding model when dense re-ranking is on. */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MatchingConfiguration.class);

    @Bean(destroyMethod = "close")
    ClaimSearch claimSearch(DataDirectory data, MatchingProperties properties) {
        Embedder embedder = embedder(properties);
        Path directory = data.resolve("index").resolve("claims");
        ClaimIndex index = ClaimIndex.open(directory, AnalyzerSet.defaults(), embedder);
        MatcherSettings settings =
                MatcherSettings.defaults().withDense(embedder != null).withMaxTextLength(properties.maxTextLength());
        return new ClaimSearch(index, new ClaimMatcher(index, settings));
    }

    private static @Nullable Embedder embedder(MatchingProperties properties) {
        if (!properties.dense()) {
            return null;
        }
        if (properties.modelPath() != null && properties.tokenizerPath() != null) {
            log.info("Dense re-ranking with the model at {}", properties.modelPath());
            return Embedders.onnx(
                    properties.modelName(),
                    Path.of(properties.modelPath()),
                    Path.of(properties.tokenizerPath()),
                    properties.queryPrefix(),
                    properties.passagePrefix(),
                    properties.multilingual(),
                    properties.embeddingThreads());
        }
        return Embedders.miniLm(properties.embeddingThreads());
    }
}
