package org.factdesk.matching.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Factory for {@link VietnameseFoldingFilter}: {@code vietnameseFolding} with the optional argument
 * {@code preserveOriginal} (default false).
 */
public final class VietnameseFoldingFilterFactory extends TokenFilterFactory {

    /** SPI name. */
    public static final String NAME = "vietnameseFolding";

    private final boolean preserveOriginal;

    public VietnameseFoldingFilterFactory(Map<String, String> args) {
        super(args);
        preserveOriginal = getBoolean(args, "preserveOriginal", false);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Default constructor for the SPI loader only. */
    public VietnameseFoldingFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new VietnameseFoldingFilter(input, preserveOriginal);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return new VietnameseFoldingFilter(input, false);
    }
}
