package org.factdesk.matching.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Factory for {@link TeencodeFilter}: {@code teencode} with the optional argument {@code table}, a
 * classpath resource in the {@link TeencodeTable} format (default {@value
 * TeencodeTable#DEFAULT_RESOURCE}).
 */
public final class TeencodeFilterFactory extends TokenFilterFactory {

    /** SPI name. */
    public static final String NAME = "teencode";

    private final SynonymMap table;

    public TeencodeFilterFactory(Map<String, String> args) {
        super(args);
        String resource = get(args, "table", TeencodeTable.DEFAULT_RESOURCE);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
        table = resource.equals(TeencodeTable.DEFAULT_RESOURCE)
                ? TeencodeTable.vietnamese()
                : TeencodeTable.loadResource(resource);
    }

    /** Default constructor for the SPI loader only. */
    public TeencodeFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new TeencodeFilter(input, table);
    }
}
