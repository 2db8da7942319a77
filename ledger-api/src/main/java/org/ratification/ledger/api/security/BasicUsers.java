package org.ratification.ledger.api.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The two users of Basic mode, {@code depositary} and {@code auditor}, with bcrypt-hashed
 * passwords held in memory. A password that is not configured is generated at start and logged
 * once: there is no built-in default password.
 */
final class BasicUsers {

    static final String DEPOSITARY_USER = "depositary";
    static final String AUDITOR_USER = "auditor";

    private static final Logger log = LoggerFactory.getLogger(BasicUsers.class);

    private BasicUsers() {}

    static AuthenticationProvider provider(SecuritySettings settings, Clock clock) {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername(DEPOSITARY_USER)
                        .password(encoder.encode(
                                password(settings.depositaryPassword(), DEPOSITARY_USER, "LEDGER_DEPOSITARY_PASSWORD")))
                        .roles(Roles.DEPOSITARY)
                        .build(),
                User.withUsername(AUDITOR_USER)
                        .password(encoder.encode(
                                password(settings.auditorPassword(), AUDITOR_USER, "LEDGER_AUDITOR_PASSWORD")))
                        .roles(Roles.AUDITOR)
                        .build());
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new CachingAuthenticationProvider(dao, Duration.ofMinutes(5), clock);
    }

    private static String password(String configured, String user, String variable) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        log.warn(
                "\n\n*** No password is set for user '{}' ({} is empty). Generated for this run only: {}\n"
                        + "*** Set {} to choose a password that survives restarts.\n",
                user,
                variable,
                generated,
                variable);
        return generated;
    }
}
