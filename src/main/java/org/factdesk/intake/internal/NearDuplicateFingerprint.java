package org.factdesk.intake.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.factdesk.shared.TextFolding;
import org.jspecify.annotations.Nullable;

/**
 * A MinHash signature of a text's word shingles, with locality-sensitive banding, to recognise the same rumour
 * re-posted with emoji, share-bait, with or without diacritics, or lightly edited.
 *
 * <p><b>Why MinHash and not SimHash-64.</b> Social posts are short: 10 to 60 words, so 8 to 60 shingles. SimHash over
 * unweighted features flips each bit with probability θ/π where θ is the angle between the feature sets; a
 * 20-word post with “chia sẻ ngay” appended keeps 18 of 21 shingles (cosine 0.93, θ = 0.39) and so differs in about
 * 8 of 64 bits on average, far beyond the distance-3 threshold that keeps different rumours apart. MinHash estimates
 * the Jaccard similarity of the shingle sets directly, with an error that does not grow as texts get shorter, and
 * its banding gives the same “look up by equal keys, verify in Java” structure.
 *
 * <p><b>Parameters.</b> {@value #HASHES} min-hashes; the first {@code BANDS * ROWS} of them form {@value #BANDS}
 * bands of {@value #ROWS} rows, the candidate keys. A stored text is a candidate when it shares at least
 * {@value #MIN_SHARED_BANDS} bands: the number of bands two texts of Jaccard similarity {@code s} share is binomial
 * (32, s²), so they are candidates with probability 0.994 at s = 0.45, 0.999 at s = 0.5 and 0.99999 at s = 0.6, and
 * unrelated texts rarely are: 0.04 at s = 0.1, 0.003 at s = 0.05 (with one shared band enough, 0.27 and 0.08: on a
 * 200,000-post import the candidates read grew with the table until they were half the import's time). Candidates
 * are then verified on all {@value #HASHES} min-hashes (standard error of the estimate about 0.045 at s = 0.5): near
 * duplicates estimate at least {@link #THRESHOLD}. The threshold was set on realistic
 * pairs (see {@code NearDuplicateFingerprintTests}): copies with emoji, share-bait, folded diacritics and one or two
 * word edits have a true similarity of 0.6 and above; different rumours on the same topic (“uống nước chanh diệt
 * covid” / “xông hơi sả gừng diệt covid”), even written on the same template (“tiêm vắc xin gây vô sinh” / “... gây
 * đột quỵ”), 0.32 and below. 0.45 sits between the two, about three standard errors from each. Three or more edited
 * words in a 20-word post fall below it: such a post is treated as a new variant, which a person can still link.
 *
 * <p><b>Normalisation.</b> Diacritics folded ({@link TextFolding}), URLs, handles and share-bait phrases dropped,
 * everything that is not a letter or digit becomes a space. Texts of at least {@value #LONG_TEXT_WORDS} words use
 * 3-word shingles; shorter ones use single words and 2-word shingles, which keep a few words' edit from replacing
 * the whole set. Texts with fewer than {@value #MIN_WORDS} words get no fingerprint: too little to say two are one.
 *
 * <p>The hash functions are fixed (seeded), so signatures computed today compare with those computed tomorrow; the
 * band index keeps the stored items' signatures and computes them again from the items' title and text when it is
 * rebuilt. Changing {@link #SEED}, the hashing or the normalisation needs a new {@code BandIndex.SCHEMA_VERSION} (so
 * the index is rebuilt with the new signatures) and a look at the clusters already formed.
 */
public final class NearDuplicateFingerprint {

    public static final int HASHES = 128;
    public static final int BANDS = 32;
    public static final int ROWS = 2;
    public static final double THRESHOLD = 0.45;
    /** Bands a stored text must share with a new one to be verified as its near duplicate. */
    public static final int MIN_SHARED_BANDS = 2;

    static final int LONG_TEXT_WORDS = 8;
    static final int MIN_WORDS = 3;
    private static final long SEED = 0x5EED_FAC7_DE5CL;
    private static final long[] SALTS = new SplittableRandom(SEED).longs(HASHES).toArray();

    private static final Pattern URLS = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S*");
    private static final Pattern HANDLES = Pattern.compile("(?<![\\p{L}\\p{N}])@[\\p{L}\\p{N}_.]+");
    /** Calls to share, folded; they are added to copies and say nothing about the claim. */
    static final List<String> SHARE_BAIT = List.of(
            "hay chia se ngay",
            "chia se ngay",
            "hay chia se",
            "chia se cho moi nguoi",
            "share ngay",
            "lan truyen ngay",
            "can share gap");

    private final long[] values;

    private NearDuplicateFingerprint(long[] values) {
        this.values = values;
    }

    /**
     * The fingerprint of an item: of its title and text joined. A stored item's title and text never change, so this
     * is also how the fingerprint of a stored item is found again (the database keeps the item, not its signature).
     */
    public static Optional<NearDuplicateFingerprint> ofItem(@Nullable String title, @Nullable String text) {
        if (title == null && text == null) {
            return Optional.empty();
        }
        return of((title == null ? "" : title + " ") + (text == null ? "" : text));
    }

    /** The fingerprint of a text, empty when it has fewer than {@value #MIN_WORDS} words once normalised. */
    public static Optional<NearDuplicateFingerprint> of(String text) {
        List<String> words = words(text);
        if (words.size() < MIN_WORDS) {
            return Optional.empty();
        }
        long[] values = new long[HASHES];
        Arrays.fill(values, Long.MAX_VALUE);
        for (String shingle : shingles(words)) {
            long base = hash(shingle);
            for (int i = 0; i < HASHES; i++) {
                long value = mix(base ^ SALTS[i]);
                if (value < values[i]) {
                    values[i] = value;
                }
            }
        }
        return Optional.of(new NearDuplicateFingerprint(values));
    }

    /** The normalised words: folded, without URLs, handles, share-bait, emoji or punctuation. */
    public static List<String> words(String text) {
        // The patterns only run on texts that can hold what they remove: searching every position of every text
        // for a URL or a handle was most of the time spent fingerprinting an import's rows.
        String cleaned = mayHoldUrl(text) ? URLS.matcher(text).replaceAll(" ") : text;
        cleaned = cleaned.indexOf('@') >= 0 ? HANDLES.matcher(cleaned).replaceAll(" ") : cleaned;
        String folded = " " + lettersAndDigits(TextFolding.fold(cleaned)) + " ";
        for (String bait : SHARE_BAIT) {
            folded = folded.replace(" " + bait + " ", " ");
        }
        String stripped = folded.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split(" "));
    }

    /** Whether {@link #URLS} can match: it needs "http" or "www." in some case. */
    private static boolean mayHoldUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("http") || lower.contains("www.");
    }

    /**
     * The runs of letters and numbers (Unicode categories L and N) of {@code text}, one space between runs and none at
     * either end: what replacing each run of other characters ({@code [^\p{L}\p{N}]+}) with a space and stripping
     * gives, in one pass.
     */
    static String lettersAndDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isLetterOrNumber(c)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                out.appendCodePoint(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    private static boolean isLetterOrNumber(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** 3-word shingles, or for short texts single words and 2-word shingles. */
    static Set<String> shingles(List<String> words) {
        Set<String> shingles = new LinkedHashSet<>();
        if (words.size() >= LONG_TEXT_WORDS) {
            for (int i = 0; i + 3 <= words.size(); i++) {
                shingles.add(String.join(" ", words.subList(i, i + 3)));
            }
        } else {
            shingles.addAll(words);
            for (int i = 0; i + 2 <= words.size(); i++) {
                shingles.add(String.join(" ", words.subList(i, i + 2)));
            }
        }
        return shingles;
    }

    /** The estimated Jaccard similarity of the two texts' shingle sets: the share of equal min-hashes. */
    public double similarity(NearDuplicateFingerprint other) {
        int equal = 0;
        for (int i = 0; i < HASHES; i++) {
            if (values[i] == other.values[i]) {
                equal++;
            }
        }
        return (double) equal / HASHES;
    }

    public boolean isNearDuplicateOf(NearDuplicateFingerprint other) {
        return similarity(other) >= THRESHOLD;
    }

    /**
     * One key per band, each a hash of the band's number and its rows: two signatures share the key of band
     * {@code b} exactly when they agree on all rows of band {@code b} (up to 64-bit hash collisions). The band
     * number is mixed in so that equal rows in different bands do not meet.
     */
    public long[] bandKeys() {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = mix(band + 0x9E3779B97F4A7C15L);
            for (int row = 0; row < ROWS; row++) {
                key = mix(key ^ values[band * ROWS + row]);
            }
            keys[band] = key;
        }
        return keys;
    }

    /** A signature made of given values: one the band index kept, or one a test of the banding makes up. */
    static NearDuplicateFingerprint ofValues(long[] values) {
        if (values.length != HASHES) {
            throw new IllegalArgumentException("A signature has " + HASHES + " values");
        }
        return new NearDuplicateFingerprint(values.clone());
    }

    long[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NearDuplicateFingerprint that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MinHash[" + Long.toHexString(values[0]) + "…]";
    }

    /** FNV-1a over UTF-8, then mixed: a stable 64-bit hash, unlike String.hashCode's 32 bits. */
    private static long hash(String shingle) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The shingles, for explaining a match in tests and logs. */
    static List<String> shinglesOf(String text) {
        return new ArrayList<>(shingles(words(text)));
    }
}
