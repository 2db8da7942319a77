package org.ratification.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Mapping a token's claims to the ledger's roles and recorder. */
class RolesClaimConverterTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("0f3c-uuid")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void aNestedRolesClaimAndAPrincipalClaimAreConfigurable() {
        var oidc = new SecuritySettings.Oidc("realm_access.roles", "preferred_username");
        Jwt token = jwt(Map.of(
                "realm_access",
                Map.of("roles", List.of("auditor", "offline_access")),
                "preferred_username",
                "a.auditor"));

        var authentication = new RolesClaimConverter(oidc).convert(token);

        assertThat(authentication.getName()).isEqualTo("a.auditor");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_AUDITOR");
    }

    @Test
    void rolesMayBeASeparatedStringAndUnknownRolesAreIgnored() {
        assertThat(RolesClaimConverter.authorities("ROLE_DEPOSITARY, auditor admin"))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_DEPOSITARY", "ROLE_AUDITOR");
        assertThat(RolesClaimConverter.authorities(null)).isEmpty();
        assertThat(RolesClaimConverter.authorities(42)).isEmpty();
    }

    @Test
    void withoutThePrincipalClaimTheSubjectIsTheRecorder() {
        var oidc = new SecuritySettings.Oidc("roles", "preferred_username");

        assertThat(new RolesClaimConverter(oidc)
                        .convert(jwt(Map.of("roles", List.of("DEPOSITARY"))))
                        .getName())
                .isEqualTo("0f3c-uuid");
    }
}
