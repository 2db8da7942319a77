package org.ratification.ledger.core.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/**
 * Everything a record's hash covers: its event type (simple class name) and revision, the treaty
 * and the record's sequence number in the treaty's stream, the legal date, when and by whom it was
 * recorded, the event's payload as a JSON tree, and the hash of the previous record.
 */
public record ChainLink(
        String type,
        String revision,
        String treaty,
        long sequence,
        LocalDate legalDate,
        String recordedAt,
        String recordedBy,
        JsonNode payload,
        String previousHash) {}
