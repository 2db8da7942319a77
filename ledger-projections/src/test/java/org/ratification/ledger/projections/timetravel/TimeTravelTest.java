package org.ratification.ledger.projections.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;

/** Time travel on an in-memory event store: the streams it keeps never hide an appended event. */
class TimeTravelTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    private EmbeddedEventStore store;
    private final Map<String, Long> sequences = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
    }

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    private static TreatyDefinition treaty(String id) {
        return new TreatyDefinition(
                id,
                "T-1",
                "Test treaty",
                LocalDate.of(2024, 12, 24),
                new SignatureClause(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)),
                new EntryIntoForceClause(2, 90, 30, false),
                new DenunciationClause(12));
    }

    /** Appends an event recorded {@code minutes} after T0, with a hash naming its position. */
    private void append(TreatyEvent event, int minutes) {
        long sequence = sequences.merge(event.treatyId(), 0L, (a, b) -> a + 1);
        store.publish(new GenericDomainEventMessage<>(
                "Treaty",
                event.treatyId(),
                sequence,
                event,
                MetaData.with(
                                RecordingMetadata.RECORDED_AT,
                                T0.plusSeconds(60L * minutes).toString())
                        .and(RecordingMetadata.HASH, "hash-" + event.treatyId() + "-" + sequence)));
    }

    private void sign(String treatyId, String participant, int minutes) {
        append(
                new ConventionSignedEvent(
                        treatyId, treatyId + participant, participant, LocalDate.of(2025, 10, 25), null),
                minutes);
    }

    @Test
    void anEventAppendedAfterAQuestionIsInTheNextAnswer() {
        TimeTravel timeTravel = new TimeTravel(store, 1_000);
        append(new TreatyRegisteredEvent("t", "t0", treaty("t")), 0);
        sign("t", "FRA", 1);
        Instant later = T0.plusSeconds(3600);

        var first = timeTravel.status("t", later, DAY).orElseThrow().treaty();
        assertThat(first.signatories()).isEqualTo(1);
        assertThat(first.headHash()).isEqualTo("hash-t-1");

        sign("t", "DEU", 2);
        var second = timeTravel.status("t", later, DAY).orElseThrow().treaty();
        assertThat(second.signatories()).isEqualTo(2);
        assertThat(second.headHash()).isEqualTo("hash-t-2");
        // the earlier instant still leaves the later record out
        var before =
                timeTravel.status("t", T0.plusSeconds(90), DAY).orElseThrow().treaty();
        assertThat(before.signatories()).isEqualTo(1);
        assertThat(before.headHash()).isEqualTo("hash-t-1");
        assertThat(timeTravel.status("t", T0.minusSeconds(1), DAY)).isEmpty();
        assertThat(timeTravel.facts("t", later).orElseThrow().actions()).hasSize(2);
        assertThat(timeTravel.keptEvents()).isEqualTo(3);
    }

    @Test
    void theEventsKeptNeverExceedTheBoundAndATreatyBeyondItIsReadEachTime() {
        TimeTravel timeTravel = new TimeTravel(store, 4);
        Instant later = T0.plusSeconds(3600);
        for (String id : new String[] {"a", "b", "c"}) {
            append(new TreatyRegisteredEvent(id, id + "0", treaty(id)), 0);
            sign(id, "FRA", 1);
        }
        append(new TreatyRegisteredEvent("big", "big0", treaty("big")), 0);
        for (String participant : new String[] {"FRA", "DEU", "ITA", "ESP", "NLD"}) {
            sign("big", participant, 1);
        }
        for (String id : new String[] {"a", "b", "c", "big"}) {
            assertThat(timeTravel.status(id, later, DAY)).isPresent();
            assertThat(timeTravel.keptEvents()).isLessThanOrEqualTo(4);
        }
        sign("big", "BEL", 2);
        assertThat(timeTravel.status("big", later, DAY).orElseThrow().treaty().signatories())
                .isEqualTo(6);
    }

    @Test
    void anUnknownTreatyHasNoAnswer() {
        TimeTravel timeTravel = new TimeTravel(store, 1_000);
        assertThat(timeTravel.status("none", T0, DAY)).isEmpty();
        assertThat(timeTravel.exists("none")).isFalse();
    }
}
