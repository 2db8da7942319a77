package org.ratification.ledger.api.stream;

import java.time.LocalDate;

/**
 * What the public may know of a recorded event, sent on the SSE stream to subscribers who are
 * neither auditor nor depositary: that a record of this type was made for this treaty and
 * participant, with its legal date and when it was recorded, and nothing the public status,
 * participants and time-travel endpoints do not already show. No payload (texts of declarations
 * and reservations, places, reasons of corrections and retractions, record ids), no recorder, no
 * metadata or chain hashes: those stay with the history, for auditors. Its JSON form is the
 * {@code public} shape of {@code schema/event-envelope.json}.
 *
 * @param view always {@code public}: tells this shape from the full {@link EventEnvelope}
 * @param eventId the event's unique id: subscribers deduplicate by it
 * @param type the record's one name ({@link org.ratification.ledger.core.api.RecordType}), e.g. {@code
 *     INSTRUMENT}
 * @param treatyId the treaty whose stream holds the event
 * @param sequence the event's position within its treaty's stream, from 0
 * @param globalPosition the event's position in the whole store (the SSE id)
 * @param legalDate the legal date of the action recorded
 * @param recordedAt when the ledger recorded it (public through {@code recordedAt=} time travel)
 * @param participant the participant the record is about, or null (a treaty's registration, an amendment's adoption)
 */
public record PublicEventEnvelope(
        String view,
        String eventId,
        String type,
        String treatyId,
        long sequence,
        long globalPosition,
        LocalDate legalDate,
        String recordedAt,
        String participant) {

    public static final String VIEW = "public";

    /** The public part of a full envelope. */
    public static PublicEventEnvelope of(EventEnvelope envelope) {
        var participant = envelope.payload() == null ? null : envelope.payload().get("participant");
        return new PublicEventEnvelope(
                VIEW,
                envelope.eventId(),
                envelope.type(),
                envelope.treatyId(),
                envelope.sequence(),
                envelope.globalPosition(),
                envelope.legalDate(),
                envelope.recordedAt(),
                participant != null && participant.isTextual() ? participant.asText() : null);
    }
}
