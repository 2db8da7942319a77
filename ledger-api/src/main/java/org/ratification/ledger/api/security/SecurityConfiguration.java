package org.ratification.ledger.api.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. Public: reading status, participants, notifications, the event stream, the
 * dashboard and API docs, health and Prometheus metrics. AUDITOR (and DEPOSITARY): the history of a
 * treaty, its verification and exports, under /api/treaties/{id}/history/**. DEPOSITARY: every other
 * request that changes something, the operator endpoints /api/admin/** and the other actuator
 * endpoints. Stateless: credentials (Basic, or a bearer token in mode oidc) come with each request.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    FailedLogins failedLogins(SecuritySettings settings, Clock clock) {
        return new FailedLogins(settings.maxFailedLogins(), settings.failedLoginWindow(), clock);
    }

    @Bean
    SecurityFilterChain ledgerSecurity(
            HttpSecurity http, SecuritySettings settings, FailedLogins failedLogins, Clock clock) throws Exception {
        boolean oidc = settings.mode() == SecuritySettings.Mode.OIDC;
        ProblemSecurityHandlers problems =
                new ProblemSecurityHandlers(failedLogins, oidc ? "Bearer" : "Basic realm=\"ratification-ledger\"");
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(a -> {})
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
                        .requestMatchers(
                                HttpMethod.GET,
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
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
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(j -> j.decoder(OidcTokens.decoder(settings.oidc()))
                            .jwtAuthenticationConverter(OidcTokens.converter(settings.oidc()))));
        } else {
            http.authenticationManager(new ProviderManager(BasicUsers.provider(settings, clock)))
                    .httpBasic(b -> b.authenticationEntryPoint(problems));
        }
        return http.build();
    }
}
