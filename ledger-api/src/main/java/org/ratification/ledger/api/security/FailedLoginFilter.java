package org.ratification.ledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before authentication: a request carrying a password for a key (client address and
 * canonical account) that {@link FailedLogins} holds back is answered 429 TOO_MANY_ATTEMPTS without
 * checking it. A request whose password was accepted makes its address known-good for the account.
 * Requests without credentials (public reading) are never held back.
 */
class FailedLoginFilter extends OncePerRequestFilter {

    private final FailedLogins failedLogins;

    FailedLoginFilter(FailedLogins failedLogins) {
        this.failedLogins = failedLogins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf(request);
        if (key != null) {
            Duration blocked = failedLogins.blockedFor(key);
            if (!blocked.isZero() && !blocked.isNegative()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, blocked.toSeconds() + 1)));
                ProblemResponses.write(
                        request,
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "TOO_MANY_ATTEMPTS",
                        "Too many failed logins for this account recently; try again later.");
                return;
            }
        }
        chain.doFilter(request, response);
        if (key != null && accepted(key)) {
            failedLogins.succeeded(key);
        }
    }

    /** Whether this request's password was accepted (the security context still holds its user here). */
    private static boolean accepted(String key) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.isAuthenticated()
                && key.endsWith("|" + FailedLogins.account(authentication.getName()));
    }

    /**
     * The failed-login key of a request with a password (client address and canonical account), else null.
     * Bearer tokens are not counted: a signed token cannot be guessed, and counting them would let
     * anyone with bad tokens hold back every token user behind the same address.
     */
    static String keyOf(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String user;
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            user = colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            user = "";
        }
        return FailedLogins.key(request.getRemoteAddr(), user);
    }
}
