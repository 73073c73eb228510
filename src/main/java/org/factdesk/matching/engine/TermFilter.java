package org.factdesk.matching.engine;

import java.io.IOException;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * A Bloom filter of the terms of one field in one index segment, probed with the term text's {@link String#hashCode}
 * (which a query's term strings already carry): "no" means the segment surely lacks the term, so its dictionary need
 * not be sought; "maybe" means seek. 16 bits and 4 probes a term, about 0.2% false positives; a false positive only
 * costs the seek that would have been made anyway.
 *
 * <p>Why: most words of a post are in no claim, and each new one was sought in the term dictionary of every
 * segment (a seventh of a Vietnamese match on a desk's index of ten segments, JFR). Remembering absent words does
 * not help with words never seen before, which is most of them in a bulk import.
 */
final class TermFilter {

    /** The filter of a field too large to filter, or whose term count is unknown: every term may be there. */
    static final TermFilter ALL = new TermFilter(new long[0], -1);

    /** Fields with more terms than this are not filtered (a filter of at most 4 MB, built in well under a second). */
    static final long MAX_TERMS = 2_000_000;

    private static final int BITS_PER_TERM = 16;
    private static final int PROBES = 4;

    private final long[] words;
    private final int mask;

    private TermFilter(long[] words, int mask) {
        this.words = words;
        this.mask = mask;
    }

    /** The filter of {@code terms} (null for a segment without the field), or {@link #ALL}. */
    static TermFilter of(Terms terms) throws IOException {
        if (terms == null) {
            return new TermFilter(new long[1], 63);
        }
        long size = terms.size();
        if (size < 0 || size > MAX_TERMS) {
            return ALL;
        }
        int bits = Integer.highestOneBit((int) Math.max(64, size * BITS_PER_TERM - 1)) << 1;
        TermFilter filter = new TermFilter(new long[bits >>> 6], bits - 1);
        CharsRefBuilder chars = new CharsRefBuilder();
        TermsEnum each = terms.iterator();
        for (BytesRef term = each.next(); term != null; term = each.next()) {
            chars.copyUTF8Bytes(term);
            filter.add(hash(chars.chars(), chars.length()));
        }
        return filter;
    }

    /** Whether a term whose text has this {@link String#hashCode} may be in the segment. */
    boolean mayContain(int textHash) {
        if (mask < 0) {
            return true;
        }
        long h = mix(textHash);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        for (int i = 0; i < PROBES; i++) {
            int bit = (h1 + i * h2) & mask;
            if ((words[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    private void add(int textHash) {
        long h = mix(textHash);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        for (int i = 0; i < PROBES; i++) {
            int bit = (h1 + i * h2) & mask;
            words[bit >>> 6] |= 1L << bit;
        }
    }

    /** {@link String#hashCode} of the chars, without making the string. */
    static int hash(char[] chars, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    /** MurmurHash3's 64-bit finaliser: spreads the 32 bits of a string hash over two independent probe hashes. */
    private static long mix(int hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
