package org.factdesk.matching.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** Factory for {@link SpellingVariantFilter}: {@code vietnameseSpellingVariant}, no arguments. */
public final class SpellingVariantFilterFactory extends TokenFilterFactory {

    /** SPI name. */
    public static final String NAME = "vietnameseSpellingVariant";

    public SpellingVariantFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Default constructor for the SPI loader only. */
    public SpellingVariantFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new SpellingVariantFilter(input);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return create(input);
    }
}
