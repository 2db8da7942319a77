package org.ratification.ledger.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per client address and user name over a sliding window. Once a key has
 * reached the maximum, every further attempt with credentials for it is refused (even with the
 * right password) until the oldest failure leaves the window. Keys are per address and user, so
 * a guesser at one address cannot lock the depositary out everywhere.
 */
public class FailedLogins {

    private static final int MAX_KEYS = 100_000;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public FailedLogins(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    public static String key(String address, String user) {
        return address + "|" + (user == null ? "" : user);
    }

    public void failed(String key) {
        long now = clock.millis();
        if (failures.size() >= MAX_KEYS) {
            failures.entrySet().removeIf(e -> expire(e.getValue(), now).isEmpty());
        }
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            while (times.size() > max) {
                times.removeFirst();
            }
        }
    }

    /** How long the key is still blocked; zero if it may try. */
    public Duration blockedFor(String key) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        long now = clock.millis();
        synchronized (times) {
            expire(times, now);
            if (times.size() < max) {
                return Duration.ZERO;
            }
            return Duration.ofMillis(times.peekFirst() + window.toMillis() - now);
        }
    }

    private Deque<Long> expire(Deque<Long> times, long now) {
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
                times.removeFirst();
            }
            return times;
        }
    }
}
