package org.ratification.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;

/** Mode oidc does not start without an issuer and an audience: a token would be checked for neither. */
class OidcRequirementsTest {

    private static OAuth2ResourceServerProperties properties(String issuer, List<String> audiences) {
        OAuth2ResourceServerProperties properties = new OAuth2ResourceServerProperties();
        properties.getJwt().setIssuerUri(issuer);
        properties.getJwt().setAudiences(audiences);
        return properties;
    }

    @Test
    void anIssuerAndAnAudienceAreRequired() {
        assertThatCode(() -> SecurityConfiguration.requireIssuerAndAudience(
                        properties("https://issuer.example", List.of("ratification-ledger"))))
                .doesNotThrowAnyException();
        for (OAuth2ResourceServerProperties incomplete : List.of(
                properties("https://issuer.example", List.of()),
                properties("https://issuer.example", List.of(" ")),
                properties("", List.of("ratification-ledger")),
                properties(null, List.of("ratification-ledger")))) {
            assertThatThrownBy(() -> SecurityConfiguration.requireIssuerAndAudience(incomplete))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("LEDGER_OIDC_ISSUER_URI")
                    .hasMessageContaining("LEDGER_OIDC_AUDIENCES");
        }
        assertThatThrownBy(() -> SecurityConfiguration.requireIssuerAndAudience(null))
                .isInstanceOf(IllegalStateException.class);
    }
}
