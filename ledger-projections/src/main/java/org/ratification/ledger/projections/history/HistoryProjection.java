package org.ratification.ledger.projections.history;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.serialization.Revision;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.projections.EventJson;
import org.ratification.ledger.projections.ReadModelVersion;
import org.springframework.stereotype.Component;

/**
 * Writes one history row per event of a treaty. Every event of the contract is a
 * {@link TreatyEvent}, so one handler serves all of them, and an event type added later is
 * recorded too. Runs inline, in the transaction that appends the event. Rows are keyed by the
 * event's place in its treaty's stream (treaty and sequence number), which no two events share,
 * and hold only what the event itself says, so a rebuild writes the same rows.
 */
@Component
@ProcessingGroup(HistoryProjection.NAME)
@ReadModelVersion(value = HistoryProjection.VERSION, tables = "history_record")
public class HistoryProjection {

    public static final String NAME = "history";
    public static final int VERSION = 2;

    private final HistoryRepository repository;

    public HistoryProjection(HistoryRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(
            TreatyEvent event,
            EventMessage<?> message,
            @SequenceNumber long sequence,
            @Timestamp Instant timestamp,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.RECORDED_BY) String recordedBy) {
        // inline the global index is not on the message yet (the store assigns it): the repository
        // reads it from the appended row; a rebuild's events carry it in their token
        Long position = message instanceof TrackedEventMessage<?> tracked ? position(tracked.trackingToken()) : null;
        record(event, message, sequence, position, timestamp, recordedAt, recordedBy);
    }

    /** Writes the row of one event; {@code globalPosition} null: the index of the appended event. */
    void record(
            TreatyEvent event,
            EventMessage<?> message,
            long sequence,
            Long globalPosition,
            Instant timestamp,
            String recordedAt,
            String recordedBy) {
        HistoryEntry entry = HistoryEntry.of(event);
        Revision revision = event.getClass().getAnnotation(Revision.class);
        HistoryRecord record = new HistoryRecord(
                event.recordId(),
                event.treatyId(),
                entry.type(),
                event.getClass().getSimpleName(),
                revision == null ? null : revision.value(),
                entry.participant(),
                event.legalDate(),
                recordedAt,
                recordedBy,
                sequence,
                globalPosition,
                entry.correctsRecordId(),
                List.of(),
                entry.refersTo(),
                entry.reason(),
                EventJson.mapper().valueToTree(event),
                EventJson.texts(message.getMetaData()));
        repository.save(new HistoryRepository.Row(record, EventJson.nanos(recordingInstant(recordedAt, timestamp))));
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /** The global position of the event a token points at (a replay token gives its current position). */
    static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static Instant recordingInstant(String recordedAt, Instant timestamp) {
        try {
            return recordedAt == null ? timestamp : Instant.parse(recordedAt);
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }
}
