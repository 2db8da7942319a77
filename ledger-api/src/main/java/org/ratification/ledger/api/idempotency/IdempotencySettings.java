package org.ratification.ledger.api.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotent writes ({@code ledger.idempotency.*}).
 *
 * @param retention how long a completed key is remembered
 * @param waitForFirst how long a request waits for a concurrent request with the same key to finish
 * @param abandonedAfter after how long an unfinished claim (its request died with the process) may
 *     be taken over by a retry
 */
@ConfigurationProperties("ledger.idempotency")
public record IdempotencySettings(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("10s") Duration waitForFirst,
        @DefaultValue("2m") Duration abandonedAfter) {}
