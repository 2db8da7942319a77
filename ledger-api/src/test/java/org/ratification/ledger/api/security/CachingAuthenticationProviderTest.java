package org.ratification.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class CachingAuthenticationProviderTest {

    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void concurrentLoginsWithTheSameCredentialsShareOneCheck() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CachingAuthenticationProvider provider = new CachingAuthenticationProvider(
                checking(() -> release.await(10, TimeUnit.SECONDS)), Duration.ofMinutes(5), Clock.systemUTC());
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch started = new CountDownLatch(clients);
        List<Future<Authentication>> logins = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            logins.add(pool.submit(() -> {
                started.countDown();
                return provider.authenticate(login("secret"));
            }));
        }
        started.await(10, TimeUnit.SECONDS);
        Thread.sleep(200); // let every client reach the provider while the first check still runs
        release.countDown();
        for (Future<Authentication> login : logins) {
            assertThat(login.get(10, TimeUnit.SECONDS).isAuthenticated()).isTrue();
        }
        pool.shutdown();

        assertThat(checks.get()).as("bcrypt checks").isEqualTo(1);
        provider.authenticate(login("secret"));
        assertThat(checks.get()).as("remembered").isEqualTo(1);
    }

    @Test
    void aFailedCheckIsNotRemembered() {
        AuthenticationProvider rejecting = checking(() -> {
            throw new BadCredentialsException("wrong");
        });
        CachingAuthenticationProvider provider =
                new CachingAuthenticationProvider(rejecting, Duration.ofMinutes(5), Clock.systemUTC());

        assertThatThrownBy(() -> provider.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks.get()).isEqualTo(2);
    }

    private interface Check {
        void run() throws Exception;
    }

    /** A provider that counts its checks and accepts once {@code check} returns. */
    private AuthenticationProvider checking(Check check) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                checks.incrementAndGet();
                try {
                    check.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
    }

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("depositary", password);
    }
}
