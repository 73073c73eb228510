package org.factdesk.tipline.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key in a sliding window, in memory: a restart forgets the counts, which is acceptable for an
 * abuse limit and keeps addresses and chat ids out of the database.
 */
public final class RateLimiter {

    /** The verdict on one attempt: allowed, or refused (and whether it is the first refusal in the window). */
    public record Decision(boolean allowed, boolean firstRefusal) {}

    private static final int SWEEP_THRESHOLD = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
    private final Map<String, Instant> refused = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    public Duration window() {
        return window;
    }

    public Decision attempt(String key) {
        Instant now = clock.instant();
        Instant horizon = now.minus(window);
        if (attempts.size() > SWEEP_THRESHOLD) {
            attempts.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return entry.getValue().isEmpty()
                            || entry.getValue().peekLast().isBefore(horizon);
                }
            });
            refused.values().removeIf(at -> at.isBefore(horizon));
        }
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
                times.pollFirst();
            }
            if (times.size() < limit) {
                times.addLast(now);
                return new Decision(true, false);
            }
        }
        Instant last = refused.get(key);
        boolean first = last == null || last.isBefore(horizon);
        refused.put(key, now);
        return new Decision(false, first);
    }
}
