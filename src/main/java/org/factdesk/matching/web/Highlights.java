package org.factdesk.matching.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text into plain and marked segments where the matched terms occur, comparing without case and without
 * diacritics (so a folded term marks "nước" as well as "nuoc"). Templates print the segments with th:text, so
 * nothing is ever rendered as HTML.
 */
final class Highlights {

    /** A run of the original text, marked or not. */
    record Segment(String text, boolean marked) {}

    private Highlights() {}

    static List<Segment> mark(String text, List<String> terms) {
        String folded = foldKeepingLength(text);
        boolean[] marked = new boolean[text.length()];
        for (String term : terms) {
            String needle = foldKeepingLength(term.strip());
            if (needle.length() < 2) {
                continue;
            }
            for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
                int end = at + needle.length();
                boolean startsWord = at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1));
                boolean endsWord = end == folded.length() || !Character.isLetterOrDigit(folded.charAt(end));
                if (startsWord && endsWord) {
                    for (int i = at; i < end; i++) {
                        marked[i] = true;
                    }
                }
            }
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                segments.add(new Segment(text.substring(start, i), text.isEmpty() ? false : marked[start]));
                start = i;
            }
        }
        return segments;
    }

    /** Lower case without diacritics, one char for one char, so positions carry over to the original. */
    static String foldKeepingLength(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'đ' || c == 'Đ') {
                folded.append('d');
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = decomposed.isEmpty() ? c : decomposed.charAt(0);
            folded.append(
                    Character.getType(base) == Character.NON_SPACING_MARK
                            ? ' '
                            : String.valueOf(base).toLowerCase(Locale.ROOT).charAt(0));
        }
        return folded.toString();
    }
}
