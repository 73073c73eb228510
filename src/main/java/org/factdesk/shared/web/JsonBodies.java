package org.factdesk.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cleans the JSON body of an API call before it is parsed, so that what people paste is matched rather than refused:
 * bytes that are not UTF-8 become U+FFFD, raw control characters (other than tab and line breaks) become spaces, as
 * the matcher itself treats them. A body over {@code factdesk.api.max-json-size} (20 MB by default, as for uploaded
 * files; a match reads 5,000 characters) is refused with 413 problem details before it is held in memory.
 */
@Component
@Order(0) // after Spring Security (-100): a caller without a token is refused before the body is read
class JsonBodies extends OncePerRequestFilter {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private final long maxBytes;
    private final ProblemResponses problems;

    JsonBodies(@Value("${factdesk.api.max-json-size:20MB}") DataSize maxSize, MessageSource messages, JsonMapper json) {
        this.maxBytes = maxSize.toBytes();
        this.problems = new ProblemResponses(messages, json);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (!ApiRouteProblems.api(request) || type == null) {
            return true;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return !(media.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || (media.getSubtype() != null && media.getSubtype().endsWith("+json")));
        } catch (org.springframework.util.InvalidMimeTypeException unreadable) {
            return true;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        byte[] raw = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (raw.length > maxBytes) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new Cleaned(request, clean(raw)), response);
    }

    /** The body as UTF-8 with malformed bytes replaced and raw control characters turned into spaces. */
    static byte[] clean(byte[] raw) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException cannotHappenWithReplace) {
            throw new IllegalStateException(cannotHappenWithReplace);
        }
        return CONTROL.matcher(text).replaceAll(" ").getBytes(StandardCharsets.UTF_8);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(
                response,
                413,
                "problem.body-too-large",
                DataSize.ofBytes(maxBytes).toMegabytes());
    }

    /** The request with its cleaned body. */
    private static final class Cleaned extends HttpServletRequestWrapper {

        private final byte[] body;

        Cleaned(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /**
                 * The body is already in memory, so it is always ready: the listener is told data is available until
                 * it has read it all (or stops reading), and then that all data was read.
                 */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        int left = in.available();
                        while (left > 0) {
                            listener.onDataAvailable();
                            int now = in.available();
                            if (now == left) {
                                return; // the listener reads no more; it has what it wants
                            }
                            left = now;
                        }
                        listener.onAllDataRead();
                    } catch (IOException | RuntimeException failed) {
                        listener.onError(failed);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }
    }
}
