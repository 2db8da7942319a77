package org.ratification.ledger.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.ratification.ledger.api.security.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 PAYLOAD_TOO_LARGE, by their declared length or,
 * for chunked bodies, by reading at most one byte more than the limit, and bodies that do not
 * arrive within the deadline with 408 REQUEST_TIMEOUT; both close the connection. Bodies within
 * the limit are kept in memory for the handlers (and the idempotency check) to read. It runs after
 * authentication: the body of a request that is refused before (401, 403, 429) is never read, and
 * {@link UnreadBodies} closes its connection instead of draining it.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final long limit;
    private final Duration deadline;

    public BodyLimitFilter(long limit) {
        this(limit, CachedBodyRequest.DEFAULT_DEADLINE);
    }

    public BodyLimitFilter(long limit, Duration deadline) {
        this.limit = limit;
        this.deadline = deadline;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WITH_BODY.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.of(request, limit, deadline);
        } catch (CachedBodyRequest.TooSlow e) {
            response.setHeader("Connection", "close");
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.REQUEST_TIMEOUT,
                    "REQUEST_TIMEOUT",
                    "The request body did not arrive within " + deadline.toSeconds() + " s; nothing was recorded.");
            return;
        } catch (CachedBodyRequest.TooLarge e) {
            response.setHeader("Connection", "close");
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "PAYLOAD_TOO_LARGE",
                    "The request body is larger than " + limit / 1024 + " KB; nothing was recorded.");
            return;
        }
        request.setAttribute(UnreadBodies.BODY_READ, Boolean.TRUE);
        chain.doFilter(cached, response);
    }
}
