package org.ratification.ledger.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds password guessing, on the canonical account (the user name as the user lookup sees it:
 * lower case, so {@code DEPOSITARY} and {@code depositary} are one account with one count):
 *
 * <ul>
 *   <li>per client address and account: after {@code max} failures within the window, that
 *       address may not try that account again until the oldest failure leaves the window (even
 *       with the right password). Another address is not affected: a guesser cannot lock the
 *       depositary out everywhere.
 *   <li>per account, over all addresses: once {@code accountMax} failures are in the window (a
 *       guesser spreading over many addresses), addresses that have not logged in to the account
 *       before are admitted only as old failures leave the window, so the account sees at most
 *       {@code accountMax} wrong passwords per window. This slows guessing down without locking the
 *       account: an address that logged in to it successfully (within {@link #KNOWN_GOOD_FOR}) is
 *       not held back by it, only by its own per-address count.
 * </ul>
 *
 * Counts live in memory on each node; a restart forgets them.
 */
public class FailedLogins {

    /** How long an address that logged in to an account is trusted to be its user's. */
    static final Duration KNOWN_GOOD_FOR = Duration.ofDays(30);

    private static final int MAX_KEYS = 100_000;
    private static final String SEPARATOR = "|";

    private final int max;
    private final int accountMax;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> accountFailures = new ConcurrentHashMap<>();
    private final Map<String, Long> knownGood = new ConcurrentHashMap<>();

    /** {@code max} failures per address and account; ten times as many per account. */
    public FailedLogins(int max, Duration window, Clock clock) {
        this(max, max * 10, window, clock);
    }

    public FailedLogins(int max, int accountMax, Duration window, Clock clock) {
        this.max = max;
        this.accountMax = accountMax;
        this.window = window;
        this.clock = clock;
    }

    /** The canonical account of a user name: the key the user lookup uses (it ignores case). */
    public static String account(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }

    /** The key of an attempt: the client address and the canonical account. */
    public static String key(String address, String user) {
        return (address == null ? "" : address) + SEPARATOR + account(user);
    }

    private static String accountOf(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }

    public void failed(String key) {
        long now = clock.millis();
        add(failures, key, max, now);
        add(accountFailures, accountOf(key), accountMax, now);
    }

    /**
     * A login with this key succeeded: the address becomes known-good for the account and its own
     * failures are forgotten.
     */
    public void succeeded(String key) {
        long now = clock.millis();
        failures.remove(key);
        if (knownGood.size() >= MAX_KEYS) {
            knownGood.values().removeIf(at -> at <= now - KNOWN_GOOD_FOR.toMillis());
            if (knownGood.size() >= MAX_KEYS) {
                knownGood.clear();
            }
        }
        knownGood.put(key, now);
    }

    /** How long the key is still held back; zero if it may try. */
    public Duration blockedFor(String key) {
        long now = clock.millis();
        Duration own = blockedFor(failures.get(key), max, now);
        if (!own.isZero()) {
            return own;
        }
        Long good = knownGood.get(key);
        if (good != null && good > now - KNOWN_GOOD_FOR.toMillis()) {
            return Duration.ZERO;
        }
        return blockedFor(accountFailures.get(accountOf(key)), accountMax, now);
    }

    private void add(Map<String, Deque<Long>> counts, String key, int limit, long now) {
        if (counts.size() >= MAX_KEYS) {
            counts.entrySet().removeIf(e -> expire(e.getValue(), now).isEmpty());
        }
        Deque<Long> times = counts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            while (times.size() > limit) {
                times.removeFirst();
            }
        }
    }

    private Duration blockedFor(Deque<Long> times, int limit, long now) {
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            expire(times, now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            return Duration.ofMillis(Math.max(1, times.peekFirst() + window.toMillis() - now));
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
