package org.ratification.ledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 UNAUTHENTICATED and 403 FORBIDDEN as problem+json. Credentials that were presented and
 * refused count as a failed login for {@link FailedLogins}.
 */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final FailedLogins failedLogins;
    private final String challenge;

    ProblemSecurityHandlers(FailedLogins failedLogins, String challenge) {
        this.failedLogins = failedLogins;
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String key = FailedLoginFilter.keyOf(request);
        boolean refusedCredentials = key != null
                && !(e instanceof InsufficientAuthenticationException)
                && !(e instanceof AuthenticationServiceException);
        if (refusedCredentials) {
            failedLogins.failed(key);
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        ProblemResponses.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                "UNAUTHENTICATED",
                refusedCredentials
                        ? "The credentials were not accepted."
                        : "This request needs credentials: the depositary's to record, an auditor's to read the history.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemResponses.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "FORBIDDEN",
                "Your role does not allow this request: recording needs the depositary, the history an auditor.");
    }
}
