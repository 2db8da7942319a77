package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An earlier record made in error was withdrawn; {@code date} is that record's legal date. */
@Revision("1")
public record RecordRetractedEvent(
        String treatyId, String recordId, String retractsRecordId, String reason, String participant, LocalDate date)
        implements TreatyEvent {
    @Override
    public LocalDate legalDate() {
        return date;
    }
}
