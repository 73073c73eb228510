package org.factdesk.matching.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Group keys for near-identical claims: the same text up to quote marks, punctuation, case and whitespace gives the
 * same key. Diacritics are kept, since in Vietnamese they change the meaning.
 */
final class Groups {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

    private Groups() {}

    static String normalise(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(nfc).replaceAll(" ").strip();
    }

    static String key(String text) {
        return hex(normalise(text)).substring(0, 24);
    }

    /** SHA-256 of the text, in hex. */
    static String hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
