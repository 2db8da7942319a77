package org.ratification.ledger.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access-control settings ({@code ledger.security.*}).
 *
 * @param mode {@code basic} (users depositary and auditor) or {@code oidc} (JWT bearer tokens)
 * @param depositaryPassword the depositary's password (LEDGER_DEPOSITARY_PASSWORD); generated if blank
 * @param auditorPassword the auditor's password (LEDGER_AUDITOR_PASSWORD); generated if blank
 * @param maxFailedLogins failed logins per client address and user name within the window before
 *     further attempts are refused with 429
 * @param failedLoginWindow the window over which failed logins are counted
 * @param oidc how a token's claims name roles and recorder, in mode {@code oidc}; the issuer, its
 *     keys and the audience are Spring's {@code spring.security.oauth2.resourceserver.jwt.*}
 */
@ConfigurationProperties("ledger.security")
public record SecuritySettings(
        @DefaultValue("basic") Mode mode,
        String depositaryPassword,
        String auditorPassword,
        @DefaultValue("10") int maxFailedLogins,
        @DefaultValue("1m") Duration failedLoginWindow,
        @DefaultValue Oidc oidc) {

    public enum Mode {
        BASIC,
        OIDC
    }

    /**
     * The claims Spring's resource server does not read as the ledger does: Spring's
     * {@code authorities-claim-name} is a top-level claim only and {@code principal-claim-name} has no
     * fallback to the subject.
     *
     * @param rolesClaim the claim listing the roles (a dotted path such as realm_access.roles works)
     * @param principalClaim the claim naming the user, recorded as recordedBy
     */
    public record Oidc(
            @DefaultValue(ROLES_CLAIM) String rolesClaim, @DefaultValue(PRINCIPAL_CLAIM) String principalClaim) {

        static final String ROLES_CLAIM = "roles";
        static final String PRINCIPAL_CLAIM = "sub";

        /** An unset LEDGER_OIDC_* variable maps to a blank value (application-oidc.yml): the default. */
        public Oidc {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? ROLES_CLAIM : rolesClaim;
            principalClaim = principalClaim == null || principalClaim.isBlank() ? PRINCIPAL_CLAIM : principalClaim;
        }
    }
}
