package org.ratification.ledger.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.ratification.ledger.api.security.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 PAYLOAD_TOO_LARGE, by their declared length or,
 * for chunked bodies, by reading at most one byte more than the limit. Bodies within the limit are
 * kept in memory for the handlers (and the idempotency check) to read.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final long limit;

    public BodyLimitFilter(long limit) {
        this.limit = limit;
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
            cached = CachedBodyRequest.of(request, limit);
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
        chain.doFilter(cached, response);
    }
}
