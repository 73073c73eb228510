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
 *       Vietnamese syllable never ends in a bare g;
 *   <li>initial {@code w} + vowel → {@code qu} (wá → quá, wên → quên): Vietnamese has no w;
 *   <li>initial {@code k} before a, ă, â, o, ô, ơ, u, ư → {@code c} (kái → cái, kon → con, kũng →
 *       cũng): Vietnamese writes k only before i, y, e, ê;
 *   <li>a letter typed three or more times in a row, also with other tone marks, is kept once
 *       (quáaaa → quá, điiii → đi, nhaaa → nha): no Vietnamese syllable has a letter three times.
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
        if (length >= 3) {
            collapseRuns();
        }
        char first = termAtt.charAt(0);
        if (first == 'f') {
            replaceHead("ph");
        } else if (first == 'j' && termAtt.length() > 1 && isVowel(termAtt.charAt(1))) {
            replaceHead("gi");
        } else if (first == 'w' && termAtt.length() > 1 && isVowel(termAtt.charAt(1))) {
            replaceHead("qu");
        } else if (first == 'k' && termAtt.length() > 1 && "aou".indexOf(base(termAtt.charAt(1))) >= 0) {
            replaceHead("c");
        }
        length = termAtt.length();
        if (length >= 2 && termAtt.charAt(length - 1) == 'g' && isVowel(termAtt.charAt(length - 2))) {
            termAtt.setLength(length - 1);
            termAtt.append("ng");
        }
        return true;
    }

    /** Keeps the first letter of each run of three or more letters with the same base letter. */
    private void collapseRuns() {
        char[] buffer = termAtt.buffer();
        int length = termAtt.length();
        int out = 0;
        int i = 0;
        while (i < length) {
            char c = buffer[i];
            int end = i + 1;
            if (Character.isLetter(c)) {
                char b = base(c);
                while (end < length && Character.isLetter(buffer[end]) && base(buffer[end]) == b) {
                    end++;
                }
            }
            if (end - i >= 3) {
                buffer[out++] = c;
            } else {
                for (int j = i; j < end; j++) {
                    buffer[out++] = buffer[j];
                }
            }
            i = end;
        }
        termAtt.setLength(out);
    }

    /** The letter without tone and vowel marks (đ → d). */
    private static char base(char c) {
        return c < 0x80 ? c : VietnameseFoldingFilter.fold(String.valueOf(c)).charAt(0);
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
