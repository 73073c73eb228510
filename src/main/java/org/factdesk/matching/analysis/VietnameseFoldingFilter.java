package org.factdesk.matching.analysis;

import java.io.IOException;
import java.text.Normalizer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Folds Vietnamese (and other Latin) diacritics to ASCII: ắ→a, ư→u, ơ→o, đ/Đ→d/D. Combining marks
 * are dropped, so NFD input folds like NFC input. Case is kept; run it after lowercasing.
 *
 * <p>With {@code preserveOriginal}, a token that changes is emitted twice at one position: first
 * the original, then the folded form with position increment 0. Accented and unaccented text then
 * meet on the folded term, and an accented query still matches the accented original more often.
 */
public final class VietnameseFoldingFilter extends TokenFilter {

    /** Folded form of each char of the BMP Latin blocks, or 0 when the char is kept as is. */
    private static final char[] FOLDED = new char[0x1F00];

    static {
        for (char c = 0x00C0; c < FOLDED.length; c++) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = decomposed.charAt(0);
            if (decomposed.length() > 1 && base < 0x80 && Character.isLetter(base) && allMarks(decomposed)) {
                FOLDED[c] = base;
            }
        }
        FOLDED['đ'] = 'd';
        FOLDED['Đ'] = 'D';
        FOLDED['ð'] = 'd';
        FOLDED['Ð'] = 'D';
    }

    private static boolean allMarks(String decomposed) {
        for (int i = 1; i < decomposed.length(); i++) {
            if (!isCombiningMark(decomposed.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCombiningMark(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK && c >= 0x0300 && c <= 0x036F;
    }

    private final boolean preserveOriginal;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private AttributeSource.State pendingFolded;

    public VietnameseFoldingFilter(TokenStream input, boolean preserveOriginal) {
        super(input);
        this.preserveOriginal = preserveOriginal;
    }

    public VietnameseFoldingFilter(TokenStream input) {
        this(input, false);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pendingFolded != null) {
            restoreState(pendingFolded);
            pendingFolded = null;
            posIncAtt.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = termAtt.buffer();
        int length = termAtt.length();
        if (!needsFolding(buffer, length)) {
            return true;
        }
        if (preserveOriginal) {
            AttributeSource.State original = captureState();
            termAtt.setLength(fold(buffer, length));
            pendingFolded = captureState();
            restoreState(original);
        } else {
            termAtt.setLength(fold(buffer, length));
        }
        return true;
    }

    /** Folds the first {@code length} chars of {@code buffer} in place and returns their new count. */
    static int fold(char[] buffer, int length) {
        int out = 0;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (isCombiningMark(c)) {
                continue;
            }
            char folded = c < FOLDED.length ? FOLDED[c] : 0;
            buffer[out++] = folded != 0 ? folded : c;
        }
        if (out == 0) {
            // A token of combining marks only: keep it rather than emit an empty term.
            return length;
        }
        return out;
    }

    private static boolean needsFolding(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (c >= 0x00C0 && ((c < FOLDED.length && FOLDED[c] != 0) || isCombiningMark(c))) {
                return true;
            }
        }
        return false;
    }

    /** Folds a whole string, for callers outside a token stream (tests, normalisation of keys). */
    public static String fold(String text) {
        char[] chars = text.toCharArray();
        return new String(chars, 0, fold(chars, chars.length));
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pendingFolded = null;
    }
}
