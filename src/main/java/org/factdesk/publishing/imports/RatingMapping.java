package org.factdesk.publishing.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.factdesk.cases.Rating;
import org.factdesk.shared.TextFolding;
import org.jspecify.annotations.Nullable;

/**
 * Maps another organisation's rating to our scale: first its text ({@code alternateName}), compared without case,
 * diacritics or punctuation, against the table below (English and Vietnamese, and the names our own markup uses);
 * then, for a text not in the table, the position of {@code ratingValue} between {@code worstRating} and
 * {@code bestRating}: the lowest quarter is FALSE, the next PARTLY_FALSE, the next MISSING_CONTEXT, the top quarter
 * TRUE. Without a known text and usable numbers there is no mapping; the record is refused rather than guessed.
 */
public final class RatingMapping {

    private static final Map<String, Rating> TEXTS = new LinkedHashMap<>();

    static {
        texts(
                Rating.FALSE,
                "False",
                "Sai",
                "Sai sự thật",
                "Pants on fire",
                "Pants on fire!",
                "Fake",
                "Bịa đặt",
                "Incorrect",
                "Wrong",
                "Hoax",
                "Scam",
                "Fabricated",
                "Tin giả",
                "Sai hoàn toàn",
                "Lừa đảo");
        texts(
                Rating.MISLEADING,
                "Misleading",
                "Gây hiểu lầm",
                "Gây hiểu nhầm",
                "Distorted",
                "Manipulated",
                "Xuyên tạc");
        texts(
                Rating.PARTLY_FALSE,
                "Mostly false",
                "Partly false",
                "Partially false",
                "Half true",
                "Mixture",
                "Một phần sai",
                "Sai một phần",
                "Phần lớn sai",
                "Nửa đúng nửa sai");
        texts(
                Rating.MISSING_CONTEXT,
                "Missing context",
                "Lacks context",
                "Needs context",
                "Out of context",
                "Thiếu bối cảnh",
                "Thiếu ngữ cảnh");
        texts(
                Rating.TRUE,
                "True",
                "Correct",
                "Accurate",
                "Đúng",
                "Đúng sự thật",
                "Mostly true",
                "Chính xác",
                "Phần lớn đúng");
        texts(
                Rating.UNVERIFIABLE,
                "Unproven",
                "Unverified",
                "Unverifiable",
                "Unsupported",
                "No evidence",
                "Chưa kiểm chứng",
                "Chưa được kiểm chứng",
                "Không thể kiểm chứng",
                "Chưa có bằng chứng");
        texts(Rating.SATIRE, "Satire", "Parody", "Châm biếm", "Trào phúng");
    }

    private RatingMapping() {}

    private static void texts(Rating rating, String... texts) {
        for (String text : texts) {
            TEXTS.put(key(text), rating);
        }
    }

    /** The texts of the table, as they are compared (folded), with their rating. */
    public static Map<String, Rating> table() {
        return Map.copyOf(TEXTS);
    }

    /** The rating of a known text, compared without case, diacritics or punctuation. */
    public static Optional<Rating> ofText(@Nullable String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(TEXTS.get(key(text)));
    }

    /**
     * The rating of {@code value} on the scale from {@code worst} to {@code best} (either may be the larger), or
     * empty when a number is missing, the scale is empty, or the value lies outside it.
     */
    public static Optional<Rating> ofValue(@Nullable Double value, @Nullable Double best, @Nullable Double worst) {
        if (value == null || best == null || worst == null || best.equals(worst)) {
            return Optional.empty();
        }
        double position = (value - worst) / (best - worst);
        if (Double.isNaN(position) || position < 0 || position > 1) {
            return Optional.empty();
        }
        if (position < 0.25) {
            return Optional.of(Rating.FALSE);
        }
        if (position < 0.5) {
            return Optional.of(Rating.PARTLY_FALSE);
        }
        if (position < 0.75) {
            return Optional.of(Rating.MISSING_CONTEXT);
        }
        return Optional.of(Rating.TRUE);
    }

    /** The text first, then the numbers. */
    public static Optional<Rating> of(
            @Nullable String text, @Nullable Double value, @Nullable Double best, @Nullable Double worst) {
        return ofText(text).or(() -> ofValue(value, best, worst));
    }

    static String key(String text) {
        return TextFolding.fold(text.replaceAll("[\\p{P}\\p{S}]+", " "));
    }
}
