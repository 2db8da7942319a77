package org.ratification.ledger.api.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Who may do what. Public: reading status, participants, notifications, the event stream (public
 * envelopes), the dashboard and API docs, the status of health and its probes, and Prometheus
 * metrics. AUDITOR (and DEPOSITARY): the history of a treaty, its verification and exports, under
 * /api/treaties/{id}/history/**. DEPOSITARY: every other request that changes something, the
 * operator endpoints /api/admin/**, health details and the other actuator endpoints. Stateless: credentials (Basic, or a bearer token in mode oidc) come with each request.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    FailedLogins failedLogins(SecuritySettings settings, Clock clock) {
        return new FailedLogins(settings.maxFailedLogins(), settings.failedLoginWindow(), clock);
    }

    /**
     * Spring Security observes nothing: with observations on, it wraps every filter of the chain in an
     * observing decorator that starts an observation per filter and request (a quarter of a status
     * read's CPU, bench/RESULTS.md §0; even with the observations switched off by a predicate the
     * wrappers ran, §0g). Requests are still timed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Requests the firewall refuses (encoded slashes, {@code ;}, {@code ..}, {@code //}, bad headers): 400. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> {
            SecurityHeaders.write(response);
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "REQUEST_REJECTED",
                    "The request was refused because its path or headers are not in normal form"
                            + " (encoded slashes, path parameters, '..', '//' or control characters).");
        };
    }

    @Bean
    SecurityFilterChain ledgerSecurity(
            HttpSecurity http,
            SecuritySettings settings,
            FailedLogins failedLogins,
            Clock clock,
            ObjectProvider<OAuth2ResourceServerProperties> resourceServer)
            throws Exception {
        boolean oidc = settings.mode() == SecuritySettings.Mode.OIDC;
        if (oidc) {
            requireIssuerAndAudience(resourceServer.getIfAvailable());
        }
        ProblemSecurityHandlers problems =
                new ProblemSecurityHandlers(failedLogins, oidc ? "Bearer" : "Basic realm=\"ratification-ledger\"");
        RequestMatcher swaggerUi = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(a -> {})
                // one Content-Security-Policy per response: Swagger UI's, or everyone else's
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(swaggerUi),
                                new StaticHeadersWriter(
                                        "Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                swaggerUi,
                                new StaticHeadersWriter(
                                        "Content-Security-Policy", SecurityHeaders.SWAGGER_UI_CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(
                                new StaticHeadersWriter("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new FailedLoginFilter(failedLogins), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/api/admin/**")
                        .hasRole(Roles.DEPOSITARY)
                        .requestMatchers("/api/treaties/*/history", "/api/treaties/*/history/**")
                        .hasAnyRole(Roles.AUDITOR, Roles.DEPOSITARY)
                        // issue 17: the log's export carries the records; its checkpoints and proofs are public
                        .requestMatchers("/api/log/leaves")
                        .hasAnyRole(Roles.AUDITOR, Roles.DEPOSITARY)
                        // the status of health and its probes (details only for the depositary) and the
                        // counters; every other actuator endpoint, health components included, is the
                        // depositary's
                        .requestMatchers(
                                HttpMethod.GET,
                                "/actuator/health",
                                "/actuator/health/readiness",
                                "/actuator/health/liveness",
                                "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Roles.DEPOSITARY)
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .anyRequest()
                        .hasRole(Roles.DEPOSITARY));
        if (oidc) {
            // the decoder is Spring Boot's, from spring.security.oauth2.resourceserver.jwt.*: signature
            // (keys from the issuer's discovery document or jwk-set-uri), expiry, issuer and audience
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(j -> j.jwtAuthenticationConverter(new RolesClaimConverter(settings.oidc()))));
        } else {
            http.authenticationManager(new ProviderManager(BasicUsers.provider(settings, clock)))
                    .httpBasic(b -> b.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    /** A token is accepted only from the configured issuer and for the configured audience. */
    static void requireIssuerAndAudience(OAuth2ResourceServerProperties properties) {
        OAuth2ResourceServerProperties.Jwt jwt = properties == null ? null : properties.getJwt();
        if (jwt == null
                || !StringUtils.hasText(jwt.getIssuerUri())
                || jwt.getAudiences().stream().noneMatch(StringUtils::hasText)) {
            throw new IllegalStateException(
                    "ledger.security.mode=oidc needs LEDGER_OIDC_ISSUER_URI (the tokens' issuer)"
                            + " and LEDGER_OIDC_AUDIENCES (the audience they must name, this service).");
        }
    }
}
