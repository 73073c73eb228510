package org.factdesk.imports.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The physical lines of a byte stream, each with its number and the byte offset after it, each decoded as strict
 * UTF-8 on its own. A line that is not valid UTF-8 (an export saved as Windows-1258 or Latin-1) comes back decoded with
 * replacement characters and marked {@code malformed}, so that the row it belongs to is rejected with its line number
 * instead of being stored as mojibake, and the lines after it are read normally. Splitting on the byte {@code \n} before
 * decoding is safe in UTF-8 (no multi-byte sequence contains it). A line longer than {@code maxBytes} is skipped to its
 * end without being held and comes back empty, marked {@code tooLong}. Memory stays bounded by one line whatever the
 * size of the file.
 */
final class Utf8Lines implements Closeable {

    /** One physical line, without its line break. */
    record Line(long number, long endOffset, String text, boolean malformed, boolean tooLong) {}

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private final CharsetDecoder strict = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private long offset;
    private long number;
    private byte[] line = new byte[1024];

    /**
     * Reads from {@code in}, which is positioned at byte {@code offset}, the start of line {@code firstLine}. A UTF-8
     * byte order mark at offset 0 is skipped.
     */
    Utf8Lines(InputStream in, long offset, long firstLine, int maxBytes) {
        this.in = in;
        this.offset = offset;
        this.number = firstLine - 1;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    @Nullable
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            int chunk = end - start;
            if (!tooLong) {
                if (length + chunk > maxBytes) {
                    tooLong = true;
                } else {
                    ensure(length + chunk);
                    System.arraycopy(buffer, start, line, length, chunk);
                    length += chunk;
                }
            }
            offset += chunk;
            position = end;
            if (newline >= 0) {
                position++;
                offset++;
                break;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, offset, "", false, true);
        }
        int from = 0;
        if (number == 1
                && length >= 3
                && (line[0] & 0xff) == 0xEF
                && (line[1] & 0xff) == 0xBB
                && (line[2] & 0xff) == 0xBF) {
            from = 3;
        }
        if (length > from && line[length - 1] == '\r') {
            length--;
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, from, length - from);
        try {
            CharBuffer chars = strict.reset().decode(bytes);
            return new Line(number, offset, chars.toString(), false, false);
        } catch (CharacterCodingException malformed) {
            String replaced = new String(line, from, length - from, StandardCharsets.UTF_8);
            return new Line(number, offset, replaced, true, false);
        }
    }

    private void ensure(int capacity) {
        if (capacity > line.length) {
            line = Arrays.copyOf(line, Math.max(capacity, line.length * 2));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
