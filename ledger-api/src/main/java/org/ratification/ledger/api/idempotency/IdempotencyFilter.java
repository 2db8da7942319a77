package org.ratification.ledger.api.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.ratification.ledger.api.limits.CachedBodyRequest;
import org.ratification.ledger.api.security.ProblemResponses;
import org.ratification.ledger.api.write.RecordIds;
import org.ratification.ledger.core.chain.CanonicalJson;
import org.ratification.ledger.core.chain.RecordChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes POSTs under /api/ idempotent when they carry an {@code Idempotency-Key}. A key is the
 * principal's own: the same key sent by another principal is another key, whose requests neither
 * replay, refuse nor wait for this one's.
 *
 * <ul>
 *   <li>the first request with a key claims it and runs; a 2xx response is stored with the key;
 *   <li>a later request with the same key and the same request (method, path, principal and the
 *       body's canonical JSON) gets the stored response again, and nothing is recorded;
 *   <li>the same key with a different request is refused: 422 IDEMPOTENCY_KEY_REUSED;
 *   <li>a request arriving while the first is still running waits for it, then answers as above;
 *   <li>a refusal (4xx) is not stored: it recorded nothing, so a retry is evaluated afresh.
 * </ul>
 *
 * The record id of a keyed write is derived from the key <em>and</em> the request (its hash above),
 * so that a retry of a write whose process died before storing the response cannot record the
 * action twice (it reaches the same treaty with the same id and is refused as a duplicate), while
 * a key that is free again (after a refusal, a crash retry or its retention) can never give a
 * different request an id already used: one record id is one record, whatever keys clients send.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MILLIS = 20;

    private final IdempotencyStore store;
    private final IdempotencySettings settings;
    private final Clock clock;
    private final long bodyLimit;
    private final AtomicLong nextCleanup = new AtomicLong();

    IdempotencyFilter(IdempotencyStore store, IdempotencySettings settings, Clock clock, long bodyLimit) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.bodyLimit = bodyLimit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "INVALID_IDEMPOTENCY_KEY",
                    "An Idempotency-Key is 1 to 255 visible ASCII characters (a UUID is a good choice).");
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.of(request, bodyLimit);
        } catch (CachedBodyRequest.TooLarge e) {
            ProblemResponses.write(
                    request, response, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", e.getMessage());
            return;
        }
        cleanUpNowAndThen();
        String principal = principal();
        String requestHash = requestHash(cached, principal);
        String recordId = recordIdFor(key, requestHash);
        long waitUntil = clock.millis() + settings.waitForFirst().toMillis();
        while (true) {
            if (store.claim(key, requestHash, principal, recordId, now())) {
                run(principal, key, cached, response, chain, recordId);
                return;
            }
            Optional<IdempotencyStore.Entry> entry = store.find(principal, key);
            if (entry.isEmpty()) {
                continue; // released meanwhile: claim again
            }
            IdempotencyStore.Entry known = entry.get();
            if (!known.requestHash().equals(requestHash)) {
                ProblemResponses.write(
                        request,
                        response,
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was used for a different request; use a new key for a new request.");
                return;
            }
            if (known.completed()) {
                replay(known, response);
                return;
            }
            if (known.createdAt().isBefore(now().minus(settings.abandonedAfter()))
                    && store.takeOver(principal, key, known.createdAt(), now())) {
                // the id the crashed first attempt was given (rows written before ids were derived
                // from the request hold an id derived from the key alone)
                run(principal, key, cached, response, chain, known.recordId());
                return;
            }
            if (clock.millis() > waitUntil) {
                ProblemResponses.write(
                        request,
                        response,
                        HttpStatus.CONFLICT,
                        "IDEMPOTENCY_KEY_IN_USE",
                        "A request with this Idempotency-Key is still being processed; send it again shortly.");
                return;
            }
            pause();
        }
    }

    private void run(
            String principal,
            String key,
            CachedBodyRequest request,
            HttpServletResponse response,
            FilterChain chain,
            String recordId)
            throws IOException, ServletException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        RecordIds.useNext(recordId);
        try {
            chain.doFilter(request, wrapper);
            int status = wrapper.getStatus();
            if (status >= 200 && status < 300) {
                store.complete(
                        principal,
                        key,
                        status,
                        new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8),
                        wrapper.getHeader(HttpHeaders.LOCATION),
                        now());
                completed = true;
            }
        } finally {
            RecordIds.clear();
            if (!completed) {
                store.release(principal, key);
            }
        }
        wrapper.copyBodyToResponse();
    }

    private static void replay(IdempotencyStore.Entry entry, HttpServletResponse response) throws IOException {
        response.setStatus(entry.status());
        response.setHeader(REPLAYED, "true");
        if (entry.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, entry.location());
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = entry.responseBody() == null
                ? new byte[0]
                : entry.responseBody().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** What makes two requests "the same": method, path and query, principal, and the body's content. */
    private static String requestHash(CachedBodyRequest request, String principal) {
        byte[] body = request.body();
        String content;
        try {
            JsonNode tree = JSON.readTree(body);
            content = tree == null ? "" : "json:" + CanonicalJson.write(tree);
        } catch (IOException | IllegalArgumentException e) {
            content = "raw:" + java.util.HexFormat.of().formatHex(body);
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        return RecordChain.sha256(
                request.getMethod() + " " + request.getRequestURI() + query + "\n" + principal + "\n" + content);
    }

    /**
     * The record id of a keyed write: the same for every retry of the same request with the key,
     * different for any other request or key. A name-based UUID (version 8, RFC 9562) made of the
     * first 122 bits of SHA-256 over the key and the request hash.
     */
    static String recordIdFor(String key, String requestHash) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256")
                    .digest(("Idempotency-Key:" + key + "\nRequest:" + requestHash).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x80); // version 8
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // variant IETF
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    private static String principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void cleanUpNowAndThen() {
        long now = clock.millis();
        long next = nextCleanup.get();
        if (now >= next && nextCleanup.compareAndSet(next, now + 3_600_000L)) {
            store.deleteCompletedBefore(now().minus(settings.retention()));
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for a concurrent request with the same key", e);
        }
    }
}
