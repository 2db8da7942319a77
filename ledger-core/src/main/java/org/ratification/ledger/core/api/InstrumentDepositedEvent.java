package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A participant deposited an instrument on {@code depositedOn}. */
@Revision("1")
public record InstrumentDepositedEvent(
        String treatyId,
        String recordId,
        String participant,
        InstrumentType type,
        LocalDate depositedOn,
        List<String> declarations,
        List<String> reservations)
        implements TreatyEvent {
    @Override
    public LocalDate legalDate() {
        return depositedOn;
    }
}
