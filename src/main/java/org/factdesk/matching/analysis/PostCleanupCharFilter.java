package org.factdesk.matching.analysis;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Cleans a social-media post before tokenizing, with offsets that map back to the original text:
 *
 * <ul>
 *   <li>drops URLs ({@code http(s)://…}, {@code www.…}, {@code pic.twitter.com/…}) and
 *       {@code @handles};
 *   <li>drops the trailing signature of an embedded tweet, {@code — Name (@handle) Month D, YYYY}
 *       (also with {@code -} or {@code –}), but keeps the Name words;
 *   <li>drops emoji (Extended_Pictographic, modifiers, variation selectors, joiners, flags, keycaps);
 *   <li>splits hashtags into words: the {@code #} and underscores go, and a space goes in at a
 *       lower→upper case change ({@code #StayHome}), before the last capital of a capital run
 *       ({@code #COVIDVaccine}) and at a digit→letter change ({@code #covid19vaccine}).
 *       All-lowercase hashtags ({@code #tiêmchủng}, {@code #canhbao}) stay whole: splitting them
 *       needs a lexicon and guesses wrong too often.
 * </ul>
 *
 * Removed text becomes a single space, so words on both sides stay apart. Bare domains
 * ({@code vneid-hotro.net}) are left to the tokenizer: their words often name the lure.
 */
public final class PostCleanupCharFilter extends BaseCharFilter {

    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

    /** The handle and date of a tweet signature; group 1 is the dash before the name. */
    private static final Pattern SIGNATURE = Pattern.compile("(?:^|\\s)([\\u2014\\u2013]|-{1,2})[ \\t\\u00A0]*"
            + "[^\\n\\u2014\\u2013(@#]{1,80}?[ \\t\\u00A0]*(\\(@\\w{1,30}\\))[ \\t\\u00A0]*(" + MONTH
            + "[ \\t\\u00A0]+\\d{1,2},?[ \\t\\u00A0]+\\d{4})?");

    private static final Pattern URL =
            Pattern.compile("(?:https?://|www\\.|pic\\.twitter\\.com/)[^\\s\\u00A0]*", Pattern.CASE_INSENSITIVE);

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@])@\\w{1,30}");

    /** A hashtag; its body stops where a URL glued to it begins ({@code #DefundTheCBChttps://t.co/x}). */
    private static final Pattern HASHTAG =
            Pattern.compile("(?<![\\p{L}\\p{N}_&#])#([\\p{L}\\p{M}\\p{N}_]+?)(?=https?://|[^\\p{L}\\p{M}\\p{N}_]|$)");

    private @org.jspecify.annotations.Nullable Reader cleaned;

    public PostCleanupCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (cleaned == null) {
            cleaned = new StringReader(clean(slurp()));
        }
        return cleaned.read(cbuf, off, len);
    }

    @Override
    public int read() throws IOException {
        if (cleaned == null) {
            cleaned = new StringReader(clean(slurp()));
        }
        return cleaned.read();
    }

    private String slurp() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[1024];
        int n;
        while ((n = input.read(buffer)) != -1) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    private record Edit(int start, int end, String replacement) {}

    private String clean(String text) {
        List<Edit> edits = new ArrayList<>();
        // Each pattern runs only when the text holds the character it needs: most texts (claims, plain posts)
        // have no URL, handle or hashtag, and scanning them with the patterns was a tenth of the matching time.
        boolean handles = text.indexOf('@') >= 0;
        Matcher signature = SIGNATURE.matcher(handles && text.contains("(@") ? text : "");
        while (signature.find()) {
            if (signature.group(3) == null && !isAtEnd(text, signature.end())) {
                continue; // "- name (@handle)" in the middle of a post is not a signature
            }
            edits.add(new Edit(signature.start(1), signature.end(1), " "));
            int to = signature.group(3) != null ? signature.end(3) : signature.end(2);
            edits.add(new Edit(signature.start(2), to, " "));
        }
        if (mayHoldUrl(text)) {
            addAll(edits, URL.matcher(text));
        }
        if (handles) {
            addAll(edits, MENTION.matcher(text));
        }
        addEmoji(edits, text);
        Matcher hashtag = HASHTAG.matcher(text.indexOf('#') >= 0 ? text : "");
        while (hashtag.find()) {
            edits.add(new Edit(hashtag.start(), hashtag.start() + 1, ""));
            splitHashtag(edits, text, hashtag.start(1), hashtag.end(1));
        }
        return apply(text, edits);
    }

    /** Whether {@link #URL} can match: the text contains "http", "www." or "pic.twitter.com/" in any case. */
    public static boolean mayHoldUrl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'h' || c == 'H') && text.regionMatches(true, i, "http", 0, 4)
                    || (c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4)
                    || (c == 'p' || c == 'P') && text.regionMatches(true, i, "pic.twitter.com/", 0, 16)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAtEnd(String text, int from) {
        return text.substring(from).isBlank();
    }

    private static void addAll(List<Edit> edits, Matcher matcher) {
        while (matcher.find()) {
            edits.add(new Edit(matcher.start(), matcher.end(), " "));
        }
    }

    private static void addEmoji(List<Edit> edits, String text) {
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isEmojiPart(cp)) {
                int start = i;
                while (i < text.length() && isEmojiPart(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                edits.add(new Edit(start, i, " "));
            } else {
                i += Character.charCount(cp);
            }
        }
    }

    private static boolean isEmojiPart(int cp) {
        return (cp >= 0x2000 && UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC))
                || cp == 0x200D // zero-width joiner
                || cp == 0x20E3 // combining enclosing keycap
                || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
                || (cp >= 0x1F3FB && cp <= 0x1F3FF) // skin tone modifiers
                || (cp >= 0x1F1E6 && cp <= 0x1F1FF) // regional indicators (flags)
                || (cp >= 0xE0020 && cp <= 0xE007F); // tag characters (subdivision flags)
    }

    private static void splitHashtag(List<Edit> edits, String text, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            char previous = text.charAt(i - 1);
            char c = text.charAt(i);
            if (c == '_') {
                continue;
            }
            if (previous == '_') {
                edits.add(new Edit(i - 1, i, " "));
            } else if ((Character.isLowerCase(previous) && Character.isUpperCase(c))
                    || (Character.isDigit(previous) && Character.isLetter(c))
                    || (Character.isUpperCase(previous)
                            && Character.isUpperCase(c)
                            && i + 1 < end
                            && Character.isLowerCase(text.charAt(i + 1)))) {
                edits.add(new Edit(i, i, " "));
            }
        }
    }

    /** Applies non-overlapping edits in order and records the offset corrections. */
    private String apply(String text, List<Edit> edits) {
        edits.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int diff = 0;
        for (Edit edit : edits) {
            if (edit.start() < copied) {
                continue; // overlaps an edit already applied
            }
            out.append(text, copied, edit.start()).append(edit.replacement());
            int removed = (edit.end() - edit.start()) - edit.replacement().length();
            if (removed != 0) {
                diff += removed;
                addOffCorrectMap(out.length(), diff);
            }
            copied = edit.end();
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        cleaned = null;
        super.close();
    }
}
