package org.factdesk.intake.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SHA-256 of a text after normalisation (Unicode NFC, lower case, whitespace collapsed, surrounding punctuation
 * dropped), so that the same text pasted twice with other spacing or capitals is one item.
 */
public final class TextFingerprint {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{Z}]+|[\\p{P}\\p{Z}]+$");

    private TextFingerprint() {}

    public static String normalize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String collapsed = SPACES.matcher(nfc).replaceAll(" ").strip();
        return EDGE_PUNCTUATION.matcher(collapsed).replaceAll("");
    }

    public static String of(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalize(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
