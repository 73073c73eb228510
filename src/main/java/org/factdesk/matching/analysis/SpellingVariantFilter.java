package org.factdesk.matching.analysis;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Writes the Vietnamese spellings that standard orthography allows two ways, or that only differ by
 * a letter the reader restores from context, in one form, on lowercased tokens:
 *
 * <ul>
 *   <li>a syllable of a consonant (cluster) and a lone {@code y} ends in {@code i} instead, with the
 *       same tone (kỹ → kĩ, sỹ → sĩ, lý → lí, tỷ → tỉ, quý → quí): both spellings are accepted and
 *       both are in print;
 *   <li>{@code ngh} → {@code ng} (nghỉ → ngỉ, nghĩ → ngĩ) and {@code gh} before e or ê → {@code g}
 *       (ghế → gế): the h only marks the following front vowel, so nothing is lost, and chat often
 *       drops it.
 * </ul>
 *
 * The output is not standard spelling; it is a matching key, used on posts and claims alike. Runs
 * before {@link VietnameseFoldingFilter}, so the tone survives in the exact field.
 */
public final class SpellingVariantFilter extends TokenFilter {

    private static final Set<String> ONSETS = Set.of(
            "b", "c", "ch", "d", "đ", "g", "h", "k", "kh", "l", "m", "n", "nh", "p", "ph", "qu", "r", "s", "t", "th",
            "tr", "v", "x");

    private static final String Y = "yýỳỷỹỵ";
    private static final String I = "iíìỉĩị";

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    public SpellingVariantFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int length = termAtt.length();
        if (length < 2) {
            return true;
        }
        char[] buffer = termAtt.buffer();
        int y = Y.indexOf(buffer[length - 1]);
        if (y >= 0 && ONSETS.contains(new String(buffer, 0, length - 1))) {
            buffer[length - 1] = I.charAt(y);
        }
        if (length >= 4 && buffer[0] == 'n' && buffer[1] == 'g' && buffer[2] == 'h' && isFrontVowel(buffer[3])) {
            removeAt(2);
        } else if (length >= 3 && buffer[0] == 'g' && buffer[1] == 'h' && isEOrEHat(buffer[2])) {
            removeAt(1);
        }
        return true;
    }

    private void removeAt(int index) {
        char[] buffer = termAtt.buffer();
        int length = termAtt.length();
        System.arraycopy(buffer, index + 1, buffer, index, length - index - 1);
        termAtt.setLength(length - 1);
    }

    private static boolean isFrontVowel(char c) {
        return isEOrEHat(c) || "iíìỉĩị".indexOf(c) >= 0;
    }

    private static boolean isEOrEHat(char c) {
        return "eéèẻẽẹêếềểễệ".indexOf(c) >= 0;
    }
}
