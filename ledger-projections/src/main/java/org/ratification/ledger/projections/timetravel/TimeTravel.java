package org.ratification.ledger.projections.timetravel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.StatusCalculator;
import org.ratification.ledger.core.rules.TreatyFacts;
import org.springframework.stereotype.Service;

/** Answers "what did the ledger say at this instant" from the event store itself. */
@Service
public class TimeTravel {

    private final EventStore eventStore;
    private final StatusCalculator calculator = new StatusCalculator(ParticipantRegistry.standard());

    public TimeTravel(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Whether a treaty's stream exists at all. */
    public boolean exists(String treatyId) {
        return eventStore.lastSequenceNumberFor(treatyId).isPresent();
    }

    /**
     * The treaty's facts as recorded at {@code recordedAt} (events whose recording instant is on or
     * before it); empty if the treaty was not registered by then.
     */
    public Optional<TreatyFacts> facts(String treatyId, Instant recordedAt) {
        return Optional.ofNullable(
                TreatyFacts.fold(recorded(treatyId, recordedAt).events()));
    }

    /**
     * The status on legal date {@code asOf} as the ledger stated it at {@code recordedAt}, with the
     * head of the treaty's chain at that instant.
     */
    public Optional<StatusCalculator.Status> status(String treatyId, Instant recordedAt, LocalDate asOf) {
        Recorded recorded = recorded(treatyId, recordedAt);
        return Optional.ofNullable(TreatyFacts.fold(recorded.events())).map(facts -> {
            String parentId = facts.definition().parentTreatyId();
            // a protocol's status depends on its parent's status as recorded at the same instant
            StatusCalculator.Status parent =
                    parentId == null ? null : status(parentId, recordedAt, asOf).orElse(null);
            StatusCalculator.Status status = calculator.asOf(facts.definition(), facts.actions(), asOf, parent);
            return new StatusCalculator.Status(
                    status.treaty().withHeadHash(recorded.head()), status.participants(), status.counted());
        });
    }

    /** The events recorded by an instant, and the hash of the last of them. */
    private record Recorded(List<TreatyEvent> events, String head) {}

    private Recorded recorded(String treatyId, Instant recordedAt) {
        List<TreatyEvent> known = new ArrayList<>();
        String head = null;
        DomainEventStream stream = eventStore.readEvents(treatyId, 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof TreatyEvent event
                    && !recorded(message).isAfter(recordedAt)) {
                known.add(event);
                Object hash = message.getMetaData().get(RecordingMetadata.HASH);
                head = hash == null ? head : hash.toString();
            }
        }
        return new Recorded(known, head);
    }

    /** When the event was recorded: its recordedAt metadata, else the event's own timestamp. */
    static Instant recorded(DomainEventMessage<?> message) {
        Object recordedAt = message.getMetaData().get(RecordingMetadata.RECORDED_AT);
        if (recordedAt != null) {
            try {
                return Instant.parse(recordedAt.toString());
            } catch (DateTimeParseException e) {
                // fall back to the timestamp below
            }
        }
        return message.getTimestamp();
    }
}
