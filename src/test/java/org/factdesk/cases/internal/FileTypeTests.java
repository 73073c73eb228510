package org.factdesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Recognising evidence files by their bytes: a table of signatures, and random chunking of text. */
class FileTypeTests {

    static Stream<Arguments> signatures() {
        return Stream.of(
                Arguments.of("PDF", "255044462d312e370a25", FileType.PDF),
                Arguments.of("PNG", "89504e470d0a1a0a0000000d49484452", FileType.PNG),
                Arguments.of("JPEG (JFIF)", "ffd8ffe000104a464946", FileType.JPEG),
                Arguments.of("JPEG (Exif)", "ffd8ffe1001845786966", FileType.JPEG),
                Arguments.of("GIF89a", "474946383961010001", FileType.GIF),
                Arguments.of("GIF87a", "474946383761010001", FileType.GIF),
                Arguments.of("WEBP", "52494646240000005745425056503820", FileType.WEBP),
                Arguments.of("MP4 isom", "0000002066747970697336d00000200", FileType.MP4),
                Arguments.of("MP3 with ID3", "4944330400000000", FileType.MP3),
                Arguments.of("MP3 frame", "fffb9064000000000000", FileType.MP3),
                Arguments.of("ELF executable", "7f454c46020101000000", null),
                Arguments.of("Windows executable", "4d5a90000300000004000000ffff", null),
                Arguments.of("ZIP archive", "504b0304140000000800", null),
                Arguments.of("RIFF WAVE audio", "524946462400000057415645666d7420", null),
                Arguments.of("HTML", "3c21444f43545950452068746d6c3e", null),
                Arguments.of("too short", "ff", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatures")
    void recognisesBinaryTypesByTheirSignature(String name, String hex, FileType expected) {
        byte[] bytes = HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : hex + "0");
        assertThat(FileType.sniffBinary(bytes, bytes.length)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void plainTextIsValidUtf8WithoutControlCharacters() {
        assertThat(FileType.TextCheck.isText(
                        "Tin đồn: uống nước chanh\r\n\tchữa Covid-19 😷\f".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(FileType.TextCheck.isText("\uFEFFwith a byte order mark".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(FileType.TextCheck.isText("nul\0inside".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(FileType.TextCheck.isText("escape \u001b[31m".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(FileType.TextCheck.isText("Latin-1 caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)))
                .isFalse();
        assertThat(FileType.TextCheck.isText(new byte[] {(byte) 0xE1, (byte) 0xBB}))
                .as("cut in a character")
                .isFalse();
    }

    @Test
    void textCheckDoesNotDependOnHowTheUploadIsChunked() {
        Random random = new Random(20250301L);
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệ 😷\n\t.,:;!?0123456789";
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            boolean corrupt = bytes.length > 0 && random.nextInt(4) == 0;
            if (corrupt) {
                bytes[random.nextInt(bytes.length)] = random.nextBoolean() ? 0 : (byte) 0xFF;
            }
            FileType.TextCheck check = new FileType.TextCheck();
            int offset = 0;
            while (offset < bytes.length) {
                int chunk = Math.min(bytes.length - offset, 1 + random.nextInt(7));
                byte[] part = new byte[chunk];
                System.arraycopy(bytes, offset, part, 0, chunk);
                check.update(part, chunk);
                offset += chunk;
            }
            assertThat(check.isText()).as("round %d", round).isEqualTo(FileType.TextCheck.isText(bytes));
            if (!corrupt) {
                assertThat(check.isText()).as("round %d is clean text", round).isTrue();
            } else {
                assertThat(check.isText())
                        .as("round %d has a NUL or an invalid byte", round)
                        .isFalse();
            }
        }
    }

    @Test
    void keepsOnlyASafeLastSegmentOfTheName() {
        assertThat(EvidenceStore.cleanName("../../etc/passwd", FileType.TEXT)).isEqualTo("passwd");
        assertThat(EvidenceStore.cleanName("C:\\Users\\a\\báo cáo.pdf", FileType.PDF))
                .isEqualTo("báo cáo.pdf");
        assertThat(EvidenceStore.cleanName("a\"b\u0000c\u202e.png", FileType.PNG))
                .isEqualTo("abc.png");
        assertThat(EvidenceStore.cleanName(null, FileType.JPEG)).isEqualTo("evidence.jpeg");
        assertThat(EvidenceStore.cleanName("..", FileType.GIF)).isEqualTo("evidence.gif");
        assertThat(EvidenceStore.cleanName("x".repeat(300) + ".pdf", FileType.PDF))
                .hasSize(255)
                .endsWith(".pdf");
    }
}
