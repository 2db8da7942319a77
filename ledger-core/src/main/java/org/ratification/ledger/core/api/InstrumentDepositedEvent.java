package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A participant deposited an instrument on {@code depositedOn}; a succession names its predecessor
 * and the date from which the successor is bound (null for other instruments); {@code
 * irregularity} is the acknowledgement of a refusal the depositary overrode (null otherwise).
 * Revision 1 events recorded before these fields existed read them as null, and a null field is
 * left out of the record's hash.
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
        LocalDate boundFrom,
        Irregularity irregularity)
        implements TreatyEvent {

    public InstrumentDepositedEvent(
            String treatyId,
            String recordId,
            String participant,
            InstrumentType type,
            LocalDate depositedOn,
            List<String> declarations,
            List<String> reservations,
            String predecessor,
            LocalDate boundFrom) {
        this(
                treatyId,
                recordId,
                participant,
                type,
                depositedOn,
                declarations,
                reservations,
                predecessor,
                boundFrom,
                null);
    }

    public InstrumentDepositedEvent(
            String treatyId,
            String recordId,
            String participant,
            InstrumentType type,
            LocalDate depositedOn,
            List<String> declarations,
            List<String> reservations) {
        this(treatyId, recordId, participant, type, depositedOn, declarations, reservations, null, null, null);
    }

    @Override
    public LocalDate legalDate() {
        return depositedOn;
    }
}
