package org.factdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.factdesk.intake.internal.TextFingerprint;
import org.junit.jupiter.api.Test;

class TextFingerprintTests {

    @Test
    void ignoresSpacingCaseEdgePunctuationAndUnicodeForm() {
        String text = "Uống nước chanh nóng diệt được virus corona";
        assertThat(TextFingerprint.of("  UỐNG nước   chanh nóng\n diệt được virus corona!!! "))
                .isEqualTo(TextFingerprint.of(text))
                .isEqualTo(TextFingerprint.of(Normalizer.normalize(text, Normalizer.Form.NFD)))
                .hasSize(64);
    }

    @Test
    void tellsDifferentTextsApart() {
        assertThat(TextFingerprint.of("nước chanh")).isNotEqualTo(TextFingerprint.of("nuoc chanh"));
        assertThat(TextFingerprint.of("bán")).isNotEqualTo(TextFingerprint.of("bạn"));
    }
}
