package org.factdesk.cases.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The file types accepted as evidence, recognised by their bytes: a declared content type or a file name says
 * nothing about what a file really is.
 */
public enum FileType {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    GIF("image/gif"),
    WEBP("image/webp"),
    MP4("video/mp4"),
    MP3("audio/mpeg"),
    TEXT("text/plain");

    /** How many leading bytes {@link #sniff} needs to recognise the binary types. */
    public static final int HEADER_LENGTH = 16;

    private final String contentType;

    FileType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The binary type that {@code header} (the first bytes of a file) starts with, if any. Plain text has no
     * signature; see {@link TextCheck}.
     */
    public static Optional<FileType> sniffBinary(byte[] header, int length) {
        if (startsWith(header, length, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(header, length, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of(PNG);
        }
        if (startsWith(header, length, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(header, length, 0, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(header, length, 0, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(GIF);
        }
        if (startsWith(header, length, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && startsWith(header, length, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(WEBP);
        }
        // ISO base media files (MP4 and its kin) begin with a box whose type is "ftyp".
        if (startsWith(header, length, 4, "ftyp".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(MP4);
        }
        if (startsWith(header, length, 0, "ID3".getBytes(StandardCharsets.US_ASCII))
                || isMpegAudioFrame(header, length)) {
            return Optional.of(MP3);
        }
        return Optional.empty();
    }

    /** An MPEG-1/2 Layer III frame header: 11 sync bits, a valid version, layer III, a valid bitrate and rate. */
    private static boolean isMpegAudioFrame(byte[] header, int length) {
        if (length < 4) {
            return false;
        }
        int b1 = header[1] & 0xFF;
        int b2 = header[2] & 0xFF;
        boolean sync = (header[0] & 0xFF) == 0xFF && (b1 & 0xE0) == 0xE0;
        boolean version = ((b1 >> 3) & 0x3) != 1;
        boolean layer3 = ((b1 >> 1) & 0x3) == 1;
        int bitrate = b2 >> 4;
        boolean rate = ((b2 >> 2) & 0x3) != 3;
        return sync && version && layer3 && bitrate != 0 && bitrate != 0xF && rate;
    }

    private static boolean startsWith(byte[] data, int length, int offset, byte[] prefix) {
        if (length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Follows a file chunk by chunk to tell whether it is plain UTF-8 text: valid UTF-8 throughout, with no control
     * characters other than tab, line feed, carriage return and form feed (so no NUL, which every binary format has).
     */
    public static final class TextCheck {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer pending = ByteBuffer.allocate(8);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private boolean text = true;

        public void update(byte[] bytes, int length) {
            if (!text) {
                return;
            }
            ByteBuffer input = ByteBuffer.allocate(pending.position() + length);
            pending.flip();
            input.put(pending);
            pending.clear();
            input.put(bytes, 0, length);
            input.flip();
            decode(input, false);
            if (text && input.hasRemaining()) {
                if (input.remaining() > pending.capacity()) {
                    text = false;
                } else {
                    pending.put(input);
                }
            }
        }

        /** True when everything seen was plain text. */
        public boolean isText() {
            if (text) {
                pending.flip();
                decode(pending, true);
                if (pending.hasRemaining()) {
                    text = false;
                }
                pending.clear();
            }
            return text;
        }

        private void decode(ByteBuffer input, boolean endOfInput) {
            while (text) {
                chars.clear();
                var result = decoder.decode(input, chars, endOfInput);
                chars.flip();
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                        text = false;
                    }
                }
                if (result.isError()) {
                    text = false;
                } else if (result.isUnderflow()) {
                    return;
                }
            }
        }

        static boolean isText(byte[] content) {
            TextCheck check = new TextCheck();
            check.update(content, content.length);
            return check.isText();
        }
    }
}
