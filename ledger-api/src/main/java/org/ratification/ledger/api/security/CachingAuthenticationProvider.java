package org.ratification.ledger.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers successful Basic logins for a few minutes, so that a client sending its credentials
 * with every request pays the bcrypt check once, not on every call. Entries are keyed by an HMAC of
 * user name and password under a key that lives only in this process; failures are never cached.
 * Concurrent requests with the same credentials share one check.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 1_000;

    private record Entry(Authentication authentication, long expiresAt) {}

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] secret = new byte[32];
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(secret);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String key = hmac(authentication.getName() + '\u0000' + password);
        long now = clock.millis();
        Entry cached = cache.get(key);
        if (cached != null && cached.expiresAt() > now) {
            return cached.authentication();
        }
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            return awaitOther(running);
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                remember(key, result, now);
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    /**
     * The outcome of the same credentials' check already running: when an entry expires under load,
     * every request arriving during the bcrypt check would otherwise start one of its own (each
     * about 0.1 s of CPU), which stalled all requests for seconds (bench/RESULTS.md §3).
     */
    private static Authentication awaitOther(CompletableFuture<Authentication> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void remember(String key, Authentication result, long now) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.entrySet().removeIf(e -> e.getValue().expiresAt() <= now);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
        }
        cache.put(key, new Entry(result, now + ttl.toMillis()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has HmacSHA256", e);
        }
    }
}
