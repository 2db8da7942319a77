package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.storage.AggregateShape;
import org.ratification.ledger.api.storage.EventStoreProperties;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.SignConventionCommand;
import org.ratification.ledger.core.participants.Participant;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.treaty.TreatyAggregate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A treaty with more events than the snapshot threshold is loaded from its snapshot, and the
 * aggregate restored from it still decides on facts recorded before the snapshot.
 */
class TreatySnapshotApiTest extends ApiTestSupport {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStoreProperties eventStoreProperties;

    @Autowired
    CommandGateway commands;

    @Test
    void aTreatyBeyondTheThresholdIsLoadedFromItsSnapshotAndStillDecidesOnEarlyFacts() {
        int threshold = eventStoreProperties.snapshotThreshold();
        List<String> states = states();
        assertThat(states.size()).isGreaterThan(threshold + 10);
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        List<String> others = states.stream()
                .filter(code -> !code.equals("FRA") && !code.equals("DEU"))
                .limit(threshold + 5)
                .toList();
        others.forEach(state -> signDirectly(treaty, state));

        long snapshotAt = await().atMost(Duration.ofSeconds(20))
                .until(() -> snapshotSequence(treaty), sequence -> sequence != null);
        assertThat(snapshotAt + 1).as("events folded into the snapshot").isGreaterThanOrEqualTo(threshold);
        DomainEventMessage<?> first = firstLoadedEvent(treaty);
        assertThat(first.getSequenceNumber()).isEqualTo(snapshotAt);
        assertThat(first.getPayloadType()).isEqualTo(TreatyAggregate.type());
        assertThat(jdbc.queryForObject(
                        "SELECT payload_revision FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                        String.class,
                        treaty))
                .isEqualTo(AggregateShape.revisionOf(TreatyAggregate.type()));

        Reply again = sign(treaty, "FRA", "2025-10-27");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_SIGNED");
        Reply unsigned = deposit(treaty, "DEU", "RATIFICATION", "2026-01-10");
        assertThat(unsigned.status()).isEqualTo(422);
        assertThat(unsigned.code()).isEqualTo("NOT_SIGNED");
        assertThat(deposit(treaty, "FRA", "RATIFICATION", "2026-01-10").status())
                .isEqualTo(201);
        assertThat(deposit(treaty, "FRA", "ACCEPTANCE", "2026-01-11").code()).isEqualTo("ALREADY_DEPOSITED");
        assertThat(get("/api/treaties/" + treaty).body().path("signatories").asInt())
                .isEqualTo(others.size() + 1);
    }

    @Test
    void aSnapshotOfAnotherShapeIsIgnoredAndTheTreatyIsRebuiltFromItsEvents() {
        int threshold = eventStoreProperties.snapshotThreshold();
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        states().stream().filter(code -> !code.equals("FRA")).limit(threshold).forEach(s -> signDirectly(treaty, s));
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshotSequence(treaty) != null);
        jdbc.update(
                "UPDATE snapshot_event_entry SET payload_revision = 'older-shape' WHERE aggregate_identifier = ?",
                treaty);

        assertThat(firstLoadedEvent(treaty).getSequenceNumber()).isZero();
        Reply again = sign(treaty, "FRA", "2025-10-27");
        assertThat(again.code()).isEqualTo("ALREADY_SIGNED");
        assertThat(deposit(treaty, "FRA", "RATIFICATION", "2026-01-10").status())
                .isEqualTo(201);
    }

    /** Through the gateway, not HTTP: a hundred signatures quickly. */
    private void signDirectly(String treaty, String state) {
        commands.sendAndWait(
                new SignConventionCommand(
                        treaty, UUID.randomUUID().toString(), state, LocalDate.of(2025, 10, 26), null),
                MetaData.with(RecordingMetadata.RECORDED_AT, Instant.now().toString())
                        .and(RecordingMetadata.RECORDED_BY, "test"));
    }

    private Long snapshotSequence(String treaty) {
        return jdbc.queryForObject(
                "SELECT MAX(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                treaty);
    }

    private DomainEventMessage<?> firstLoadedEvent(String treaty) {
        DomainEventStream stream = eventStore.readEvents(treaty);
        assertThat(stream.hasNext()).isTrue();
        return stream.next();
    }

    private static List<String> states() {
        return ParticipantRegistry.standard().all().stream()
                .filter(p -> !p.isReio())
                .map(Participant::code)
                .sorted()
                .toList();
    }
}
