package org.ratification.ledger.projections.timetravel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Answers "what did the ledger say at this instant" from the event store itself.
 *
 * <p>A treaty's stream is read and deserialised once, then kept as an immutable list of its
 * recordings (event, recording instant, hash) under the identifier and sequence number of its last
 * event. Each question reads the store from that last event on (one indexed query, normally one
 * row): if the row is still the kept one, the events after it are appended to a new list; if it is
 * gone or another event (a store that was not only appended to), the stream is read again from 0.
 * So an answer never misses an event committed before the question, on whichever node. The streams
 * are kept in Caffeine, weighed by their events and bounded by a sixteenth of the heap at about
 * {@value #BYTES_PER_EVENT} bytes an event (a 256 MB heap keeps about 8,000 events).
 */
@Service
public class TimeTravel {

    /** What a deserialised event with its recording instant and hash costs in memory, estimated. */
    static final int BYTES_PER_EVENT = 2_000;

    private final EventStore eventStore;
    private final StatusCalculator calculator = new StatusCalculator(ParticipantRegistry.standard());
    private final long maxEvents;
    private final Cache<String, Stream> streams;

    @Autowired
    public TimeTravel(EventStore eventStore) {
        this(eventStore, Runtime.getRuntime().maxMemory() / 16 / BYTES_PER_EVENT);
    }

    /** @param maxEvents the bound of the events kept in memory over all treaties */
    TimeTravel(EventStore eventStore, long maxEvents) {
        this.eventStore = eventStore;
        this.maxEvents = maxEvents;
        this.streams = Caffeine.newBuilder()
                .maximumWeight(maxEvents)
                .<String, Stream>weigher((id, stream) -> stream.recordings().size())
                // eviction runs on the thread that wrote, not later on a pool
                .executor(Runnable::run)
                .build();
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

    /** How many events are kept in memory now. */
    long keptEvents() {
        streams.cleanUp();
        return streams.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** The events recorded by an instant, and the hash of the last of them. */
    private record Recorded(List<TreatyEvent> events, String head) {}

    /** One treaty event as stored: when it was recorded and the hash of its record, if any. */
    private record Recording(TreatyEvent event, Instant recordedAt, String hash) {}

    /**
     * A treaty's stream up to its event {@code lastSequence} (identifier {@code lastEvent}); the
     * recordings are its treaty events in stream order.
     */
    private record Stream(long lastSequence, String lastEvent, List<Recording> recordings) {}

    private Recorded recorded(String treatyId, Instant recordedAt) {
        List<TreatyEvent> known = new ArrayList<>();
        String head = null;
        for (Recording recording : stream(treatyId).recordings()) {
            if (!recording.recordedAt().isAfter(recordedAt)) {
                known.add(recording.event());
                head = recording.hash() == null ? head : recording.hash();
            }
        }
        return new Recorded(known, head);
    }

    /** The treaty's whole stream as committed now: the kept one, with what was appended since. */
    private Stream stream(String treatyId) {
        Stream kept = streams.getIfPresent(treatyId);
        if (kept != null) {
            Stream extended = extend(treatyId, kept);
            if (extended != null) {
                keep(treatyId, kept, extended);
                return extended;
            }
        }
        Stream read = read(eventStore.readEvents(treatyId, 0L), new Stream(-1, null, List.of()));
        keep(treatyId, kept, read);
        return read;
    }

    /**
     * The kept stream with the events appended after it; null if its last event is no longer the
     * stored one (then the stream is read again from the start).
     */
    private Stream extend(String treatyId, Stream kept) {
        DomainEventStream stored = eventStore.readEvents(treatyId, kept.lastSequence());
        if (!stored.hasNext()) {
            return null;
        }
        DomainEventMessage<?> last = stored.next();
        if (last.getSequenceNumber() != kept.lastSequence()
                || !last.getIdentifier().equals(kept.lastEvent())) {
            return null;
        }
        if (!stored.hasNext()) {
            return kept;
        }
        return read(stored, kept);
    }

    /** {@code after} with the events of {@code stored} appended. */
    private static Stream read(DomainEventStream stored, Stream after) {
        List<Recording> recordings = new ArrayList<>(after.recordings());
        long lastSequence = after.lastSequence();
        String lastEvent = after.lastEvent();
        while (stored.hasNext()) {
            DomainEventMessage<?> message = stored.next();
            lastSequence = message.getSequenceNumber();
            lastEvent = message.getIdentifier();
            if (message.getPayload() instanceof TreatyEvent event) {
                Object hash = message.getMetaData().get(RecordingMetadata.HASH);
                recordings.add(new Recording(event, recorded(message), hash == null ? null : hash.toString()));
            }
        }
        return new Stream(lastSequence, lastEvent, List.copyOf(recordings));
    }

    /**
     * Keeps {@code read} in place of {@code kept}, unless another question kept a longer stream
     * meanwhile.
     */
    private void keep(String treatyId, Stream kept, Stream read) {
        if (read == kept || read.lastEvent() == null || read.recordings().size() > maxEvents) {
            return;
        }
        streams.asMap()
                .merge(
                        treatyId,
                        read,
                        (now, mine) -> now != kept && now.lastSequence() > mine.lastSequence() ? now : mine);
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
