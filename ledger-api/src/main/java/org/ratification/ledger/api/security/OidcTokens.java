package org.ratification.ledger.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * OIDC mode: JWT bearer tokens signed by the configured issuer. The roles claim (a list, or a
 * string separated by spaces or commas; a dotted path reaches into nested claims) is mapped to
 * DEPOSITARY and AUDITOR; other roles are ignored. The principal claim names the recorder.
 */
final class OidcTokens {

    private static final Set<String> KNOWN = Set.of(Roles.DEPOSITARY, Roles.AUDITOR);

    private OidcTokens() {}

    static JwtDecoder decoder(SecuritySettings.Oidc oidc) {
        String issuer = blankToNull(oidc.issuerUri());
        String jwkSet = blankToNull(oidc.jwkSetUri());
        if (issuer == null && jwkSet == null) {
            throw new IllegalStateException(
                    "ledger.security.mode=oidc needs LEDGER_OIDC_ISSUER_URI or LEDGER_OIDC_JWK_SET_URI.");
        }
        if (jwkSet == null) {
            // discovered lazily, so that the service starts while the issuer is unreachable
            return new SupplierJwtDecoder(
                    () -> NimbusJwtDecoder.withIssuerLocation(issuer).build());
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSet).build();
        OAuth2TokenValidator<Jwt> validator = issuer == null
                ? JwtValidators.createDefault()
                : new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer));
        decoder.setJwtValidator(validator);
        return decoder;
    }

    static Converter<Jwt, AbstractAuthenticationToken> converter(SecuritySettings.Oidc oidc) {
        return jwt -> {
            Object principal = jwt.getClaims().get(oidc.principalClaim());
            String name = principal == null ? jwt.getSubject() : principal.toString();
            return new JwtAuthenticationToken(jwt, authorities(claim(jwt.getClaims(), oidc.rolesClaim())), name);
        };
    }

    static Collection<GrantedAuthority> authorities(Object roles) {
        List<String> names = new ArrayList<>();
        if (roles instanceof Collection<?> list) {
            list.forEach(r -> names.add(String.valueOf(r)));
        } else if (roles instanceof String s) {
            names.addAll(List.of(s.split("[\\s,]+")));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String name : names) {
            String role = name.trim().toUpperCase(Locale.ROOT);
            if (role.startsWith("ROLE_")) {
                role = role.substring(5);
            }
            if (KNOWN.contains(role)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
        }
        return authorities;
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
