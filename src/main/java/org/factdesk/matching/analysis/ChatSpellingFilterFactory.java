package org.factdesk.matching.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** Factory for {@link ChatSpellingFilter}: {@code chatSpelling}, no arguments. */
public final class ChatSpellingFilterFactory extends TokenFilterFactory {

    /** SPI name. */
    public static final String NAME = "chatSpelling";

    public ChatSpellingFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Default constructor for the SPI loader only. */
    public ChatSpellingFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new ChatSpellingFilter(input);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return create(input);
    }
}
