package org.ratification.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The sliding window of failed logins, on a clock the test moves. */
class FailedLoginsTest {

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final FailedLogins logins = new FailedLogins(10, Duration.ofMinutes(1), clock);

    @Test
    void nineFailuresDoNotBlock() {
        for (int i = 0; i < 9; i++) {
            logins.failed("a|u");
        }
        assertThat(logins.blockedFor("a|u")).isZero();
    }

    @Test
    void theTenthFailureBlocksUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 10; i++) {
            logins.failed("a|u");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(logins.blockedFor("a|u")).isEqualTo(Duration.ofSeconds(50));
        assertThat(logins.blockedFor("b|u")).isZero();
        assertThat(logins.blockedFor("a|v")).isZero();

        clock.advance(Duration.ofSeconds(50));
        assertThat(logins.blockedFor("a|u")).isZero();
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotBlock() {
        for (int i = 0; i < 20; i++) {
            logins.failed("a|u");
            clock.advance(Duration.ofSeconds(7));
        }
        assertThat(logins.blockedFor("a|u")).isZero();
    }

    @Test
    void everySpellingOfAUserNameCountsForItsOneAccount() {
        for (String spelling : new String[] {"depositary", "DEPOSITARY", "Depositary", "dEpOsItArY", "DEPOSITARy"}) {
            logins.failed(FailedLogins.key("a", spelling));
            logins.failed(FailedLogins.key("a", spelling));
        }
        assertThat(logins.blockedFor(FailedLogins.key("a", "depositary"))).isPositive();
        assertThat(logins.blockedFor(FailedLogins.key("a", "DEPOSITARY"))).isPositive();
        assertThat(logins.blockedFor(FailedLogins.key("a", "Depositary"))).isPositive();
        assertThat(logins.blockedFor(FailedLogins.key("b", "DEPOSITARY"))).isZero();
    }

    @Test
    void guessesSpreadOverManyAddressesAreThrottledPerAccountButAKnownGoodAddressStillPasses() {
        String home = FailedLogins.key("10.0.0.1", "depositary");
        logins.succeeded(home);
        clock.advance(Duration.ofHours(1));
        for (int address = 0; address < 100; address++) {
            assertThat(logins.blockedFor(FailedLogins.key("192.0.2." + address, "depositary")))
                    .as("address %d", address)
                    .isZero();
            logins.failed(FailedLogins.key("192.0.2." + address, "Depositary"));
        }

        assertThat(logins.blockedFor(FailedLogins.key("198.51.100.7", "depositary")))
                .as("a new address waits")
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(logins.blockedFor(home)).as("the known-good address goes on").isZero();
        assertThat(logins.blockedFor(FailedLogins.key("198.51.100.7", "auditor")))
                .as("another account")
                .isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(logins.blockedFor(FailedLogins.key("198.51.100.7", "depositary")))
                .as("a throttle, not a lock")
                .isZero();
    }

    @Test
    void aKnownGoodAddressIsStillBoundedByItsOwnCount() {
        String home = FailedLogins.key("10.0.0.1", "depositary");
        logins.succeeded(home);
        for (int i = 0; i < 10; i++) {
            logins.failed(home);
        }
        assertThat(logins.blockedFor(home)).isPositive();
    }

    @Test
    void anAddressIsKnownGoodForAMonth() {
        String home = FailedLogins.key("10.0.0.1", "depositary");
        logins.succeeded(home);
        clock.advance(FailedLogins.KNOWN_GOOD_FOR.plusMinutes(1));
        for (int address = 0; address < 100; address++) {
            logins.failed(FailedLogins.key("192.0.2." + address, "depositary"));
        }
        assertThat(logins.blockedFor(home)).isPositive();
    }
}
