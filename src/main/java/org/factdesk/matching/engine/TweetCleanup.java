package org.factdesk.matching.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strips what a social-media post carries besides its words: URLs, {@code @handles} (a CamelCase handle such as
 * {@code @IvankaTrump} is kept as its words, which often name the claim's subject), the "— Name (@handle) Date"
 * signature of an embedded tweet (the name stays: who said it often names the claim), HTML entities; splits
 * {@code #CamelCase} hashtags into words. A stand-in until the analysis package's EnglishClaimAnalyzer arrives.
 */
final class TweetCleanup {

    private static final Pattern URL =
            Pattern.compile("(?:https?://|www\\.|pic\\.twitter\\.com/)\\S*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE = Pattern.compile(
            "[—–]\\s*([^—–()]{0,80}?)\\s*\\(@\\w+\\)\\s*(?:[A-Z][a-z]+\\.? \\d{1,2}, \\d{4})?[\"']?\\s*$");
    private static final Pattern HANDLE = Pattern.compile("@\\w+");
    private static final Pattern HASHTAG = Pattern.compile("#(\\w+)");
    private static final Pattern CAMEL =
            Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

    private TweetCleanup() {}

    static String clean(String text) {
        // The patterns run only when the text holds the character they need; most claims hold none of them.
        String s = text.indexOf('&') < 0
                ? text
                : text.replace("&amp;", "&")
                        .replace("&quot;", "\"")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">");
        if (org.factdesk.matching.analysis.PostCleanupCharFilter.mayHoldUrl(s)) {
            s = URL.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('@') >= 0) {
            Matcher signature = SIGNATURE.matcher(s);
            if (signature.find()) {
                s = s.substring(0, signature.start()) + " " + signature.group(1);
            }
            Matcher handle = HANDLE.matcher(s);
            StringBuilder named = new StringBuilder(s.length());
            while (handle.find()) {
                String words = CAMEL.matcher(handle.group().substring(1)).replaceAll(" ");
                handle.appendReplacement(
                        named, Matcher.quoteReplacement(words.contains(" ") ? " " + words + " " : " "));
            }
            handle.appendTail(named);
            s = named.toString();
        }
        if (s.indexOf('#') < 0) {
            return s;
        }
        Matcher hashtag = HASHTAG.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (hashtag.find()) {
            hashtag.appendReplacement(
                    out,
                    Matcher.quoteReplacement(CAMEL.matcher(hashtag.group(1)).replaceAll(" ")));
        }
        hashtag.appendTail(out);
        return out.toString();
    }
}
