package org.factdesk.matching.analysis;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;

/** Factory for {@link PostCleanupCharFilter}: {@code postCleanup}, no arguments. */
public final class PostCleanupCharFilterFactory extends CharFilterFactory {

    /** SPI name. */
    public static final String NAME = "postCleanup";

    public PostCleanupCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Default constructor for the SPI loader only. */
    public PostCleanupCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return new PostCleanupCharFilter(input);
    }

    @Override
    public Reader normalize(Reader input) {
        return input;
    }
}
