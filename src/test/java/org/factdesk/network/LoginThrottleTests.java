package org.factdesk.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void blocksAnAccountAfterTooManyFailuresUntilTheWindowPasses() {
        var throttle = ThrottleAccess.create(3, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("a@x.org", "1.1.1.1")).isFalse();
            throttle.failed("A@x.org", "1.1.1.1");
        }
        assertThat(throttle.blocked("a@x.org", "2.2.2.2")).isTrue();
        assertThat(throttle.blocked("b@x.org", "1.1.1.1")).isFalse();
        now.set(now.get().plus(Duration.ofMinutes(16)));
        assertThat(throttle.blocked("a@x.org", "1.1.1.1")).isFalse();
    }

    @Test
    void blocksAnAddressThatTriesManyAccounts() {
        var throttle = ThrottleAccess.create(2, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 8; i++) {
            throttle.failed("user" + i + "@x.org", "9.9.9.9");
        }
        assertThat(throttle.blocked("fresh@x.org", "9.9.9.9")).isTrue();
        assertThat(throttle.blocked("fresh@x.org", "8.8.8.8")).isFalse();
    }

    @Test
    void forgetsAnAccountsFailuresAfterSuccess() {
        var throttle = ThrottleAccess.create(2, Duration.ofMinutes(15), clock);
        throttle.failed("a@x.org", "1.1.1.1");
        throttle.succeeded("a@x.org");
        throttle.failed("a@x.org", "1.1.1.1");
        assertThat(throttle.blocked("a@x.org", "3.3.3.3")).isFalse();
    }
}
