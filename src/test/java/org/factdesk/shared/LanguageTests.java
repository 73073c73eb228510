package org.factdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Uống nước chanh nóng diệt được virus corona                        | VI
            tiem vac xin xong la kho co con nua do mn oi                        | VI
            Bo Y te thong bao: Ban da du dieu kien nhan tien ho tro, bam vao link | VI
            ko dc uong nuoc da khi bi sot nha mn                                | VI
            Drinking hot lemon water kills the coronavirus                      | EN
            5G towers spread the virus, share before they delete this           | EN
            BREAKING: vaccines contain microchips                               | EN
            ĐÀ NẴNG PHONG TỎA TOÀN THÀNH PHỐ                                    | VI
            Ở Hà Nội                                                            | VI
            """)
    void detectsVietnameseWithAndWithoutDiacriticsAndEnglish(String text, Language expected) {
        assertThat(Language.detect(text)).isEqualTo(expected);
    }

    @Test
    void textWithoutLettersHasNoLanguage() {
        assertThat(Language.detect("12345 !!! 🙂🙂 #1")).isNull();
        assertThat(Language.detect("")).isNull();
        assertThat(Language.detect(null)).isNull();
        assertThat(Language.detect("\uD835\uDC00\uD835\uDC01")).isEqualTo(Language.EN); // mathematical letters
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Tin đồn ĐÀ NẴNG không đúng sự thật | tin don da nang khong dung su that
            '  Vắc   xin\tCOVID '              | vac xin covid
            """)
    void foldsDiacriticsCaseAndSpaces(String text, String folded) {
        assertThat(TextFolding.fold(text)).isEqualTo(folded);
    }
}
