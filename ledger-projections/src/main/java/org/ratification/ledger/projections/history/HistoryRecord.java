package org.ratification.ledger.projections.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One event of a treaty as the audit history shows it.
 *
 * @param type what the record states, by its one name ({@link
 *     org.ratification.ledger.core.api.RecordType}): the same as a write's {@code action} and the event
 *     envelope's {@code type}
 * @param eventType the simple name of the stored event class: Axon's storage type and an input of the
 *     chain hash, kept for the offline verifier, not a name of the record
 * @param revision the stored event's revision
 * @param sequence the event's position in the treaty's own stream (its chain position), from 0
 * @param globalPosition the event's position in the ledger's global event stream
 * @param correctsRecordId for a correction or retraction, the record it corrects
 * @param correctedBy the corrections and retractions of this record, in recording order
 * @param refersTo for an objection or a withdrawal, the record it is about
 * @param reason why a correction or retraction was made
 * @param payload the event as stored, as JSON
 * @param metadata every metadata entry of the event, as text
 */
public record HistoryRecord(
        String recordId,
        String treatyId,
        String type,
        String eventType,
        String revision,
        String participant,
        LocalDate legalDate,
        String recordedAt,
        String recordedBy,
        long sequence,
        Long globalPosition,
        String correctsRecordId,
        List<String> correctedBy,
        String refersTo,
        String reason,
        JsonNode payload,
        Map<String, String> metadata) {

    public HistoryRecord withCorrectedBy(List<String> ids) {
        return new HistoryRecord(
                recordId,
                treatyId,
                type,
                eventType,
                revision,
                participant,
                legalDate,
                recordedAt,
                recordedBy,
                sequence,
                globalPosition,
                correctsRecordId,
                List.copyOf(ids),
                refersTo,
                reason,
                payload,
                metadata);
    }
}
