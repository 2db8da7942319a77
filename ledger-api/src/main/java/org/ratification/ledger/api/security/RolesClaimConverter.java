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
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * OIDC mode: turns a token that Spring's resource server has already verified (signature, expiry,
 * issuer, audience: {@code spring.security.oauth2.resourceserver.jwt.*}) into the ledger's roles and
 * recorder. The roles claim (a list, or a string separated by spaces or commas; a dotted path
 * reaches into nested claims such as {@code realm_access.roles}) is mapped to DEPOSITARY and
 * AUDITOR; other roles are ignored. The principal claim names the recorder, the subject when it is
 * absent.
 */
final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Set<String> KNOWN = Set.of(Roles.DEPOSITARY, Roles.AUDITOR);

    private final SecuritySettings.Oidc oidc;

    RolesClaimConverter(SecuritySettings.Oidc oidc) {
        this.oidc = oidc;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object principal = jwt.getClaims().get(oidc.principalClaim());
        String name = principal == null ? jwt.getSubject() : principal.toString();
        return new JwtAuthenticationToken(jwt, authorities(claim(jwt.getClaims(), oidc.rolesClaim())), name);
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
}
