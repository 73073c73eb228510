package org.factdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTests {

    @Test
    void idsAreVersionSevenWithTheRfcVariantAndTheirTimeInTheFirstBits() {
        long millis = Instant.parse("2021-07-19T08:30:00.123Z").toEpochMilli();
        UUID id = Uuids.timeOrdered(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        // The same text form as any UUID: it round-trips through the ids' parsers.
        assertThat(ItemId.valueOf(id.toString()).value()).isEqualTo(id);
        assertThat(id.toString()).startsWith("017abde2-dfbb-7");
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsTextAndAsDatabasesCompareThem() {
        long start = Instant.parse("2026-11-29T00:00:00Z").toEpochMilli();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(Uuids.timeOrdered(start + i));
        }
        for (int i = 1; i < ids.size(); i++) {
            // Text order is what H2 and PostgreSQL use for uuid keys (unsigned bytes, big-endian).
            assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
        }
    }

    @Test
    void idsOfOneMillisecondAreStillDistinctAndRandom() {
        long now = System.currentTimeMillis();
        Set<UUID> ids = new HashSet<>();
        Set<Long> lowBits = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = Uuids.timeOrdered(now);
            ids.add(id);
            lowBits.add(id.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL);
        }
        assertThat(ids).hasSize(10_000);
        assertThat(lowBits).hasSize(10_000);
        // Every random bit varies across the ids (74 of them: 12 after the version, 62 after the variant).
        long highOr = 0, highAnd = -1, lowOr = 0, lowAnd = -1;
        for (UUID id : ids) {
            highOr |= id.getMostSignificantBits();
            highAnd &= id.getMostSignificantBits();
            lowOr |= id.getLeastSignificantBits();
            lowAnd &= id.getLeastSignificantBits();
        }
        assertThat(Long.bitCount((highOr & ~highAnd) & 0xFFFL)).isEqualTo(12);
        assertThat(Long.bitCount((lowOr & ~lowAnd) & 0x3FFF_FFFF_FFFF_FFFFL)).isEqualTo(62);
    }

    @Test
    void theDesksIdsAreTimeOrdered() {
        assertThat(ItemId.random().value().version()).isEqualTo(7);
        assertThat(CaseId.random().value().version()).isEqualTo(7);
        assertThat(UnitId.random().value().version()).isEqualTo(7);
    }
}
