package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An earlier record was corrected. The event carries the corrected record's resulting
 * participant, legal date and instrument type (not a delta), so readers need no arithmetic.
 */
@Revision("1")
public record RecordCorrectedEvent(
        String treatyId,
        String recordId,
        String correctsRecordId,
        String reason,
        String participant,
        LocalDate date,
        InstrumentType type)
        implements TreatyEvent {
    @Override
    public LocalDate legalDate() {
        return date;
    }
}
