package org.factdesk.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Languages that FactDesk analyses. Vietnamese first, English equally. */
public enum Language {
    VI("vi"),
    EN("en");

    /**
     * The letters only Vietnamese writes (with their capitals), as a table by char: a case-insensitive regular
     * expression over them was a chain of 67 predicates per character, 5% of a match.
     */
    private static final boolean[] VIETNAMESE_LETTERS =
            vietnameseLetters("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ");

    // Frequent Vietnamese syllables as typed without diacritics, and teencode ("khong", "ko", "dc", "mn" ...).
    private static final Set<String> UNACCENTED_VIETNAMESE = Set.of(
            "la", "va", "cua", "co", "khong", "ko", "k", "hok", "hong", "duoc", "dc", "nguoi", "ng", "nhung", "cac",
            "mot", "cho", "voi", "vs", "trong", "nay", "de", "thi", "da", "se", "bi", "ban", "toi", "minh", "ai", "gi",
            "j", "mn", "moi", "roi", "nha", "nhe", "oi", "day", "chia", "ngay", "tiem", "vac", "xin", "benh", "vien",
            "thuoc", "uong", "nuoc", "chanh", "nong", "tre", "em", "bo", "te", "tin", "dung", "sai", "that", "gia",
            "lam", "biet", "bit", "phai", "het", "con", "nhieu", "rat", "qua", "lai", "vao", "len", "xuong", "den",
            "tu", "sau", "truoc", "khi", "neu", "vi", "nen", "ma", "hay", "hoac", "cung", "van", "chi", "nhat", "tot",
            "song", "chet", "dich", "nhan", "duong", "thong", "bao", "xong", "nua", "lien", "hom", "nam", "thang",
            "tinh", "huyen", "xa", "phuong", "quan", "chong", "giup", "tang", "cuong", "suc", "khoe", "dieu", "kien",
            "goi", "nhap", "tien", "hoan", "che", "bien", "gung", "sa");

    // Frequent English words; a text with more of these than of the syllables above is English.
    private static final Set<String> ENGLISH = Set.of(
            "the",
            "a",
            "an",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "of",
            "to",
            "in",
            "and",
            "or",
            "that",
            "this",
            "it",
            "for",
            "on",
            "with",
            "as",
            "by",
            "not",
            "you",
            "your",
            "we",
            "they",
            "he",
            "she",
            "have",
            "has",
            "will",
            "can",
            "does",
            "from",
            "at",
            "if",
            "no",
            "yes",
            "what",
            "who",
            "how",
            "why",
            "all",
            "people",
            "vaccine",
            "vaccines",
            "cure",
            "cures",
            "kills",
            "causes",
            "government",
            "says",
            "said",
            "new",
            "just");

    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** Accepts "vi", "VI", "en", "EN". */
    @JsonCreator
    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code) || language.name().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("Unknown language: " + code);
    }

    /**
     * Guesses vi or en: Vietnamese letters decide at once; otherwise frequent unaccented Vietnamese syllables are
     * counted against frequent English words. Returns {@code null} for text with no letters.
     */
    public static @Nullable Language detect(@Nullable String text) {
        if (text == null) {
            return null;
        }
        boolean letters = false;
        long marked = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < VIETNAMESE_LETTERS.length && VIETNAMESE_LETTERS[c]) {
                marked++;
            }
            letters = letters || Character.isLetter(text.codePointAt(i));
        }
        if (!letters) {
            return null;
        }
        String[] words = WORD_SEPARATORS.split(text.toLowerCase(Locale.ROOT));
        if (marked >= 2 || (words.length > 0 && marked * 10 >= words.length)) {
            return VI;
        }
        int vietnamese = 0;
        int english = 0;
        for (String word : words) {
            if (UNACCENTED_VIETNAMESE.contains(word)) {
                vietnamese++;
            }
            if (ENGLISH.contains(word)) {
                english++;
            }
        }
        return vietnamese > english ? VI : EN;
    }

    private static boolean[] vietnameseLetters(String lower) {
        boolean[] table = new boolean[0x1F00];
        for (char c : lower.toCharArray()) {
            table[c] = true;
            table[Character.toUpperCase(c)] = true;
        }
        return table;
    }
}
