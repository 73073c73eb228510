package org.factdesk.testing;

import java.util.StringJoiner;

/**
 * Texts that belong to one test. Tests share their database, and many post the same kind of rumour; for those not to
 * become near duplicates of each other, a test's rumour must share no word shingle with another test's, whatever
 * words the two have in common. A marker in a few places is not enough: a 30-word text with its marker in six places
 * still shares a third of its 3-word shingles with the same text marked otherwise, and the MinHash estimate of that
 * reaches the near-duplicate threshold about once in a thousand pairs.
 */
public final class OwnText {

    private OwnText() {}

    /**
     * A marker for a test's texts: "zq" and ten random letters. Letters only, so that analysis keeps it one word; of
     * one length, so that no marker is the start of another (markers cut from the clock were, and a search for one
     * found the other's items).
     */
    public static String marker() {
        StringBuilder marker = new StringBuilder("zq");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            marker.append((char) ('a' + random.nextInt(26)));
        }
        return marker.toString();
    }

    /**
     * {@code text} with {@code marker} after every second word, so that each run of three words holds the marker: two
     * texts with different markers share no 3-word shingle, while edits of the text keep their similarity (mark the
     * text after editing it).
     */
    public static String marked(String marker, String text) {
        String[] words = text.strip().split("\\s+");
        StringJoiner joined = new StringJoiner(" ");
        for (int i = 0; i < words.length; i++) {
            joined.add(words[i]);
            if (i % 2 == 1) {
                joined.add(marker);
            }
        }
        return joined.toString();
    }
}
