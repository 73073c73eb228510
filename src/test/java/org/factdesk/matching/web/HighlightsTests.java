package org.factdesk.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HighlightsTests {

    @Test
    void marksWholeWordsWithoutCaseOrDiacritics() {
        List<Highlights.Segment> segments =
                Highlights.mark("Uống NƯỚC chanh nóng diệt virus", List.of("nuoc chanh", "virus", "u"));
        assertThat(segments)
                .extracting(Highlights.Segment::text, Highlights.Segment::marked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Uống ", false),
                        org.assertj.core.groups.Tuple.tuple("NƯỚC chanh", true),
                        org.assertj.core.groups.Tuple.tuple(" nóng diệt ", false),
                        org.assertj.core.groups.Tuple.tuple("virus", true));
    }

    @Test
    void doesNotMarkInsideWords() {
        assertThat(Highlights.mark("vaccine vaccines", List.of("vaccine")))
                .extracting(Highlights.Segment::marked)
                .containsExactly(true, false);
    }

    @Test
    void keepsEveryCharacterOfRandomText() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < random.nextInt(40); i++) {
                text.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0x1EA0 + random.nextInt(90)));
                if (random.nextInt(5) == 0) {
                    text.append(' ');
                }
            }
            String original = text.toString();
            String joined =
                    Highlights.mark(
                                    original,
                                    List.of("ab", "ạ", original.length() > 3 ? original.substring(1, 3) : "x"))
                            .stream()
                            .map(Highlights.Segment::text)
                            .reduce("", String::concat);
            assertThat(joined).isEqualTo(original);
        }
    }
}
