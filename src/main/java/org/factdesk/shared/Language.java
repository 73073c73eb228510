package org.factdesk.shared;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Languages that FactDesk analyses. Vietnamese first, English equally. */
public enum Language {
    VI("vi"),
    EN("en");

    private static final Pattern VIETNAMESE_LETTERS = Pattern.compile(
            "[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // Frequent Vietnamese syllables that survive when diacritics are stripped ("khong", "duoc", "nguoi" ...).
    private static final Pattern UNACCENTED_VIETNAMESE = Pattern.compile(
            "\\b(khong|ko|dc|duoc|nguoi|nhung|cua|cho|voi|la|va|cac|mot|nay|thi|bi|da|se|ban|chua|tai|nuoc|uong|benh|thuoc)\\b");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code) || language.name().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("Unknown language: " + code);
    }

    /**
     * Guesses vi or en: Vietnamese letters decide at once; otherwise the share of common unaccented
     * Vietnamese syllables among the words. Returns {@code null} for text with no letters.
     */
    public static @Nullable Language detect(@Nullable String text) {
        if (text == null || text.codePoints().noneMatch(Character::isLetter)) {
            return null;
        }
        long marked = VIETNAMESE_LETTERS.matcher(text).results().count();
        String[] words = text.toLowerCase(Locale.ROOT).split("\\W+");
        if (marked >= 2 || (words.length > 0 && marked * 10 >= words.length)) {
            return VI;
        }
        long unaccented = UNACCENTED_VIETNAMESE.matcher(text.toLowerCase(Locale.ROOT)).results().count();
        return unaccented * 5 >= Math.max(words.length, 1) ? VI : EN;
    }
}
