package org.factdesk.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New identifiers: version 7 UUIDs (RFC 9562), whose first 48 bits are the creation time in Unix milliseconds and
 * whose other 74 bits are random.
 *
 * <p>Why not {@link UUID#randomUUID()}: ids are primary keys and are referenced from other tables' indexes. With
 * random ids, every row stored lands at a random place of each of those B-trees, so a bulk import touched, rewrote and
 * (once the index outgrew the page cache) read back a different page per row and index, in H2 as in PostgreSQL. Ids
 * that grow with time are appended at the right edge instead. The 74 random bits, from a {@link SecureRandom}, keep an
 * id as hard to guess as before for all practical purposes; what an id now tells is when it was made, which the
 * records carry anyway.
 *
 * <p>Within one millisecond the ids of one generator are not ordered by creation (the random bits decide); they are
 * still next to each other in an index, which is what matters here.
 */
public final class Uuids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuids() {}

    /** A new version 7 UUID for the current time. */
    public static UUID timeOrdered() {
        return timeOrdered(System.currentTimeMillis());
    }

    /** A new version 7 UUID for {@code epochMillis} (tests and the time-ordering check). */
    static UUID timeOrdered(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 // unix_ts_ms, 48 bits
                | 0x7000L // version 7
                | ((random[0] & 0x0FL) << 8)
                | (random[1] & 0xFFL); // rand_a, 12 bits
        long low = 0x8000_0000_0000_0000L; // variant 10
        low |= (random[2] & 0x3FL) << 56;
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
