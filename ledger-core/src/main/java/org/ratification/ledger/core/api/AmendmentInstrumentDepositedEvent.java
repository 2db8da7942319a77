package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A Party deposited its instrument for an amendment on {@code depositedOn}. */
@Revision("1")
public record AmendmentInstrumentDepositedEvent(
        String treatyId,
        String recordId,
        String amendmentId,
        String participant,
        InstrumentType type,
        LocalDate depositedOn)
        implements TreatyEvent {
    @Override
    public LocalDate legalDate() {
        return depositedOn;
    }
}
