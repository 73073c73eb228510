package org.factdesk.network.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins: after {@code maxFailures} failures within {@code window}, for one account or from one
 * address, further attempts are refused until the oldest failure leaves the window. Kept in memory: a restart
 * forgives, which is acceptable for a limit whose purpose is to slow guessing down.
 */
@Component
public class LoginThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    @Autowired
    LoginThrottle(NetworkProperties properties) {
        this(properties.login().maxFailures(), properties.login().window(), Clock.systemUTC());
    }

    /** A throttle with explicit limits and clock, for tests. */
    public static LoginThrottle forTests(int maxFailures, Duration window, Clock clock) {
        return new LoginThrottle(maxFailures, window, clock);
    }

    private LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    public boolean blocked(String email, String address) {
        return count(accountKey(email)) >= maxFailures || count(addressKey(address)) >= maxFailures * 4;
    }

    public void failed(String email, String address) {
        record(accountKey(email));
        record(addressKey(address));
    }

    public void succeeded(String email) {
        failures.remove(accountKey(email));
    }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times);
            return times.size();
        }
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> times) {
        Instant horizon = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
            times.removeFirst();
        }
    }

    private static String accountKey(String email) {
        return "account:" + email.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
