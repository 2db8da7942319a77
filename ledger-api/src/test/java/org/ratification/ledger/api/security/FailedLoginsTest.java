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
}
