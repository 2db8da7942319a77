package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.treaty.TreatyAggregate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A decision is never taken on stale facts: a treaty that another node moved on in the store is
 * decided on with what the store holds, whether the node's cached treaty would have refused the write
 * (checked against the store's last sequence) or accepted it (refused by the stream's unique sequence).
 */
class StaleTreatyApiTest extends ApiTestSupport {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Test
    void successiveWritesDecideOnEveryEarlierRecord() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);

        assertThat(sign(treaty, "FRA", "2025-10-26").code()).isEqualTo("ALREADY_SIGNED");
        assertThat(deposit(treaty, "DEU", "RATIFICATION", "2026-01-10").code()).isEqualTo("NOT_SIGNED");
        assertThat(deposit(treaty, "FRA", "RATIFICATION", "2026-01-10").status())
                .isEqualTo(201);
        assertThat(deposit(treaty, "FRA", "ACCEPTANCE", "2026-01-11").code()).isEqualTo("ALREADY_DEPOSITED");
    }

    @Test
    void aTreatyMovedOnElsewhereIsLoadedAgainBeforeItDecides() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);

        // another node records Germany's signature: the store moves on, this node's memory does not
        signedElsewhere(treaty, "0".repeat(64));

        Reply deposited = deposit(treaty, "DEU", "RATIFICATION", "2026-01-10");
        assertThat(deposited.status())
                .as("decided on the signature recorded elsewhere, not refused as NOT_SIGNED: %s", deposited.body())
                .isEqualTo(201);
        assertThat(sign(treaty, "DEU", "2025-10-27").code()).isEqualTo("ALREADY_SIGNED");
    }

    @Test
    void aWriteAcceptedOnATreatyMovedOnElsewhereIsDecidedAgainOnTheStore() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);

        // another node records Germany's signature: the cached treaty ends one record earlier
        String otherHash = "1".repeat(64);
        long next = signedElsewhere(treaty, otherHash);

        // accepted on the cached treaty too, but its insert at the taken sequence is refused: decided again
        Reply signed = sign(treaty, "ITA", "2025-10-27");
        assertThat(signed.status()).as("%s", signed.body()).isEqualTo(201);
        assertThat(eventStore.lastSequenceNumberFor(treaty)).contains(next + 1);
        var stored = eventStore.readEvents(treaty).asStream().toList();
        assertThat(stored).hasSize((int) next + 2);
        var italy = stored.get(stored.size() - 1);
        assertThat(((ConventionSignedEvent) italy.getPayload()).participant()).isEqualTo("ITA");
        assertThat(italy.getMetaData().get(RecordingMetadata.PREVIOUS_HASH))
                .as("chained to the record made elsewhere")
                .isEqualTo(otherHash);
        assertThat(jdbc.queryForObject(
                        "SELECT head_sequence FROM status_chain_head WHERE treaty_id = ?", Long.class, treaty))
                .isEqualTo(next + 1);
    }

    /** Germany's signature, recorded as another node would (straight into the store); returns its sequence. */
    private long signedElsewhere(String treaty, String hash) {
        long next = eventStore.lastSequenceNumberFor(treaty).orElseThrow() + 1;
        transactions.executeInTransaction(() -> eventStore.publish(new GenericDomainEventMessage<>(
                TreatyAggregate.type().getSimpleName(),
                treaty,
                next,
                new ConventionSignedEvent(
                        treaty, UUID.randomUUID().toString(), "DEU", LocalDate.of(2025, 10, 26), null),
                MetaData.with(RecordingMetadata.RECORDED_AT, Instant.now().toString())
                        .and(RecordingMetadata.RECORDED_BY, "other-node")
                        .and(RecordingMetadata.HASH, hash))));
        return next;
    }
}
