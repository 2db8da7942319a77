package org.ratification.ledger.api.security;

import org.ratification.ledger.api.write.Recorder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The recorder of a write is the authenticated principal (Basic user name, or the token's
 * principal claim); work without a request, such as registering treaties at start-up, records as
 * {@code system}.
 */
@Component
class AuthenticatedRecorder implements Recorder {

    static final String SYSTEM = "system";

    @Override
    public String currentRecorder() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()
                || authentication.getName() == null) {
            return SYSTEM;
        }
        return authentication.getName();
    }
}
