package org.ratification.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The Basic users: configured passwords, or generated ones logged once; never a built-in default. */
@ExtendWith(OutputCaptureExtension.class)
class BasicUsersTest {

    private static SecuritySettings settings(String depositary, String auditor) {
        return new SecuritySettings(
                SecuritySettings.Mode.BASIC,
                depositary,
                auditor,
                10,
                Duration.ofMinutes(1),
                new SecuritySettings.Oidc("roles", "sub"));
    }

    private static Authentication login(AuthenticationProvider provider, String user, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    @Test
    void configuredPasswordsLogInWithTheirRoles() {
        AuthenticationProvider provider = BasicUsers.provider(settings("d-secret", "a-secret"), Clock.systemUTC());

        assertThat(login(provider, "depositary", "d-secret").getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_DEPOSITARY");
        assertThat(login(provider, "auditor", "a-secret").getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_AUDITOR");
        assertThatThrownBy(() -> login(provider, "auditor", "d-secret")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aMissingPasswordIsGeneratedAndLoggedOnceAndNoDefaultWorks(CapturedOutput output) {
        AuthenticationProvider provider = BasicUsers.provider(settings(null, "a-secret"), Clock.systemUTC());

        Matcher generated = Pattern.compile("user 'depositary' .*Generated for this run only: (\\S+)")
                .matcher(output.getOut() + output.getErr());
        assertThat(generated.find()).as(output.toString()).isTrue();
        assertThat(generated.find()).as("logged once").isFalse();
        for (String guess : new String[] {"", "depositary", "password", "admin", "changeme"}) {
            assertThatThrownBy(() -> login(provider, "depositary", guess)).isInstanceOf(BadCredentialsException.class);
        }
        Matcher again = Pattern.compile("Generated for this run only: (\\S+)").matcher(output.toString());
        assertThat(again.find()).isTrue();
        assertThat(login(provider, "depositary", again.group(1)).isAuthenticated())
                .isTrue();
    }
}
