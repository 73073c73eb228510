package org.factdesk.matching.analysis;

import java.text.Normalizer;
import java.util.Random;

/** Random Vietnamese-ish text for fuzzing: syllables with tone marks, NFC or NFD, teencode, emoji. */
final class VietnameseText {

    static final int MAX_LENGTH = 120;

    private static final String[] WORDS = {
        "tin",
        "đồn",
        "vắc",
        "xin",
        "nước",
        "chanh",
        "không",
        "ko",
        "dc",
        "đc",
        "người",
        "mn",
        "cô",
        "vy",
        "uốg",
        "fải",
        "jờ",
        "ĐÀ",
        "NẴNG",
        "ntn",
        "bh",
        "r",
        "z",
        "#canhbao",
        "#StayHome",
        "@ai",
        "😱",
        "⚠️",
        "👍🏽",
        "https://t.co/x",
        "TP.HCM",
        "50%",
        "2,5",
        "—",
        "(@h)",
        "tiêm",
        "chủng",
        "Ở",
        "ẩ",
        "ự",
        "\u0301",
        "\u0323"
    };

    private VietnameseText() {}

    static String random(Random random) {
        StringBuilder text = new StringBuilder();
        int words = 1 + random.nextInt(12);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(random.nextInt(10) == 0 ? "" : " ");
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        String s = text.toString();
        if (random.nextBoolean()) {
            s = Normalizer.normalize(s, Normalizer.Form.NFD);
        }
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    }
}
