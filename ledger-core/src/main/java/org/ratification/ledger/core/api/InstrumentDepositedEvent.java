package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A participant deposited an instrument on {@code depositedOn}; a succession names its predecessor
 * and the date from which the successor is bound (null for other instruments; revision 1 events
 * recorded before these fields existed read them as null).
 */
@Revision("1")
public record InstrumentDepositedEvent(
        String treatyId,
        String recordId,
        String participant,
        InstrumentType type,
        LocalDate depositedOn,
        List<String> declarations,
        List<String> reservations,
        String predecessor,
        LocalDate boundFrom)
        implements TreatyEvent {

    public InstrumentDepositedEvent(
            String treatyId,
            String recordId,
            String participant,
            InstrumentType type,
            LocalDate depositedOn,
            List<String> declarations,
            List<String> reservations) {
        this(treatyId, recordId, participant, type, depositedOn, declarations, reservations, null, null);
    }

    @Override
    public LocalDate legalDate() {
        return depositedOn;
    }
}
