package org.ratification.ledger.api.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;

/**
 * One recorded event as trusted subscribers receive it: every message of the Kafka topic, and the
 * SSE stream of auditors and the depositary (others receive its {@link PublicEventEnvelope}).
 * Its JSON form is the {@code full} shape of {@code schema/event-envelope.json}.
 *
 * @param eventId the event's unique id: consumers deduplicate by it
 * @param type the record's one name ({@link org.ratification.ledger.core.api.RecordType}), e.g. {@code
 *     INSTRUMENT}: the same as the history's {@code type} and a write's {@code action}
 * @param revision the payload's revision ({@code @Revision}); a new revision may change the payload
 * @param treatyId the treaty whose stream holds the event (the Kafka key)
 * @param sequence the event's position within its treaty's stream, from 0
 * @param globalPosition the event's position in the whole store (the SSE id), or -1 if unknown
 * @param legalDate the legal date of the action recorded (signature, deposit, receipt, adoption)
 * @param recordedAt when the ledger learned of the action (ISO-8601 instant)
 * @param recordedBy who recorded it
 * @param payload the event itself, as stored
 * @param metadata all metadata of the event, including {@code recordedAt} and {@code recordedBy}
 */
public record EventEnvelope(
        String eventId,
        String type,
        String revision,
        String treatyId,
        long sequence,
        long globalPosition,
        LocalDate legalDate,
        String recordedAt,
        String recordedBy,
        JsonNode payload,
        Map<String, Object> metadata) {}
