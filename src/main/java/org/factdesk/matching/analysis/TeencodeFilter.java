package org.factdesk.matching.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Expands Vietnamese teencode and chat abbreviations ("ko" → "không", "ntn" → "như thế nào") from a
 * {@link TeencodeTable}. Runs after lowercasing; matching ignores case.
 *
 * <p>The abbreviation is replaced, not kept. A multi-word expansion is written as its words at
 * consecutive positions, each carrying the offsets of the abbreviation, so a phrase query on the
 * expansion matches and a highlight covers the abbreviation. Multi-word abbreviations ("cô vy") are
 * matched too. Internally this is a {@link SynonymGraphFilter} flattened by {@link
 * FlattenGraphFilter}, so the output is a plain linear stream usable at index and query time.
 */
public final class TeencodeFilter extends TokenFilter {

    public TeencodeFilter(TokenStream input, SynonymMap table) {
        super(new FlattenGraphFilter(new SynonymGraphFilter(input, table, true)));
    }

    /** Expands with the default Vietnamese table. */
    public TeencodeFilter(TokenStream input) {
        this(input, TeencodeTable.vietnamese());
    }

    @Override
    public boolean incrementToken() throws IOException {
        return input.incrementToken();
    }
}
