package org.ratification.ledger.api.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the JDBC event store reads the stream and when the Treaty aggregate is snapshotted. The
 * values and the reasons for them are in ARCHITECTURE.md ("Event store settings").
 *
 * @param batchSize events read per query, by event processors and when loading an aggregate
 * @param gapTimeout how long a hole in the global index may still be a transaction in flight
 *     before processors stop looking for it
 * @param gapCleaningThreshold how many holes a processor's token may carry before old ones are
 *     checked for the timeout
 * @param maxGapOffset how far behind a processor's position a hole is still looked for
 * @param snapshotThreshold events after which the Treaty aggregate is snapshotted
 * @param cachedTreaties how many loaded treaties are kept between commands (0: none); a cached treaty's
 *     decisions are checked against the store (an accepted one by the stream's unique sequence at its
 *     insert, a refused one against the stream's last sequence), so they are always the store's
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("60s") Duration gapTimeout,
        @DefaultValue("250") int gapCleaningThreshold,
        @DefaultValue("10000") int maxGapOffset,
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("256") int cachedTreaties) {

    public EventStoreProperties {
        if (cachedTreaties < 0 || cachedTreaties > 100_000) {
            throw new IllegalArgumentException("ledger.event-store.cached-treaties is between 0 and 100000");
        }
    }
}
