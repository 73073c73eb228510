package org.factdesk.matching.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * A claim's analysis, computed once at indexing and kept with the claim, so that matching never analyses a claim
 * again: the folded tokens of the claim text with their offsets (coverage score and highlights) and its English
 * terms (coverage of English posts). The folded tokens are also replayed into the folded field, so indexing
 * analyses the folded text only once.
 */
final class ClaimAnalysis {

    private ClaimAnalysis() {}

    /** One analysed token. */
    record Token(String term, int positionIncrement, int start, int end) {}

    /** Runs {@code field}'s analysis over {@code text}. */
    static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(new Token(
                        term.toString(), increment.getPositionIncrement(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A token stream that plays recorded tokens back, for indexing a field from an analysis already done. */
    static TokenStream replay(List<Token> tokens) {
        return new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
            private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
            private int next;
            private int endOffset;

            @Override
            public boolean incrementToken() {
                if (next == tokens.size()) {
                    return false;
                }
                clearAttributes();
                Token token = tokens.get(next++);
                term.setEmpty().append(token.term());
                increment.setPositionIncrement(token.positionIncrement());
                offset.setOffset(token.start(), token.end());
                endOffset = Math.max(endOffset, token.end());
                return true;
            }

            @Override
            public void end() throws IOException {
                super.end();
                offset.setOffset(endOffset, endOffset);
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                next = 0;
                endOffset = 0;
            }
        };
    }

    /** The tokens that lie within the first {@code length} characters, with their terms and offsets. */
    static BytesRef encodeTokens(List<Token> tokens, int length) {
        List<Token> kept = tokens.stream().filter(t -> t.end() <= length).toList();
        byte[][] terms = new byte[kept.size()][];
        int size = 5;
        for (int i = 0; i < terms.length; i++) {
            terms[i] = kept.get(i).term().getBytes(StandardCharsets.UTF_8);
            size += terms[i].length + 15;
        }
        byte[] buffer = new byte[size];
        ByteArrayDataOutput out = new ByteArrayDataOutput(buffer);
        try {
            out.writeVInt(kept.size());
            for (int i = 0; i < terms.length; i++) {
                Token token = kept.get(i);
                out.writeVInt(token.start());
                out.writeVInt(token.end() - token.start());
                out.writeVInt(terms[i].length);
                out.writeBytes(terms[i], terms[i].length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(buffer, 0, out.getPosition());
    }

    static List<Token> decodeTokens(BytesRef bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        int count = in.readVInt();
        List<Token> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int start = in.readVInt();
            int end = start + in.readVInt();
            int length = in.readVInt();
            String term = new String(bytes.bytes, bytes.offset + in.getPosition(), length, StandardCharsets.UTF_8);
            in.skipBytes(length);
            out.add(new Token(term, 1, start, end));
        }
        return out;
    }

    static BytesRef encodeTerms(List<Token> tokens) {
        StringBuilder joined = new StringBuilder();
        for (Token token : tokens) {
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(token.term());
        }
        return new BytesRef(joined);
    }

    static List<String> decodeTerms(BytesRef bytes) {
        String joined = bytes.utf8ToString();
        return joined.isEmpty() ? List.of() : List.of(joined.split(" "));
    }
}
