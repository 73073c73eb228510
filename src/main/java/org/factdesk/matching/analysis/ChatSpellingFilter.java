package org.factdesk.matching.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Undoes the phonetic spellings of Vietnamese chat that no table can list word by word, on
 * lowercased tokens that contain a vowel:
 *
 * <ul>
 *   <li>initial {@code f} → {@code ph} (fải → phải, fí → phí): Vietnamese has no f;
 *   <li>initial {@code j} + vowel → {@code gi} (jờ → giờ, jữ → giữ): Vietnamese has no j;
 *   <li>final {@code g} after a vowel → {@code ng} (uốg → uống, xog → xong, đừg → đừng): a
 *       Vietnamese syllable never ends in a bare g.
 * </ul>
 *
 * Standard Vietnamese passes unchanged, so the filter is safe on accented text. Loanwords change
 * the same way in documents and queries. Runs after {@link TeencodeFilter}, which owns the
 * single-letter and irregular forms (j → gì, bik → biết).
 */
public final class ChatSpellingFilter extends TokenFilter {

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    public ChatSpellingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int length = termAtt.length();
        if (length < 2 || !hasVowel(termAtt.buffer(), length)) {
            return true;
        }
        char first = termAtt.charAt(0);
        if (first == 'f') {
            replaceHead("ph");
        } else if (first == 'j' && isVowel(termAtt.charAt(1))) {
            replaceHead("gi");
        }
        length = termAtt.length();
        if (termAtt.charAt(length - 1) == 'g' && isVowel(termAtt.charAt(length - 2))) {
            termAtt.setLength(length - 1);
            termAtt.append("ng");
        }
        return true;
    }

    private void replaceHead(String head) {
        String rest = termAtt.subSequence(1, termAtt.length()).toString();
        termAtt.setEmpty().append(head).append(rest);
    }

    private static boolean hasVowel(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (isVowel(buffer[i])) {
                return true;
            }
        }
        return false;
    }

    /** A Vietnamese vowel letter, with or without tone and vowel marks (precomposed, lowercase). */
    static boolean isVowel(char c) {
        if (c < 0x80) {
            return "aeiouy".indexOf(c) >= 0;
        }
        char folded = VietnameseFoldingFilter.fold(String.valueOf(c)).charAt(0);
        return folded < 0x80 && "aeiouy".indexOf(folded) >= 0;
    }
}
