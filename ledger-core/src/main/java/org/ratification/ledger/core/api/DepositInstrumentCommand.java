package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the deposit of an instrument, with the declarations and reservations made upon it. For a
 * notification of succession, {@code predecessor} names the predecessor State and {@code
 * boundFrom} the date from which the successor considers itself bound (both null otherwise).
 */
public record DepositInstrumentCommand(
        @TargetAggregateIdentifier String treatyId,
        String recordId,
        String participant,
        InstrumentType type,
        LocalDate depositedOn,
        List<String> declarations,
        List<String> reservations,
        String predecessor,
        LocalDate boundFrom) {

    public DepositInstrumentCommand(
            String treatyId,
            String recordId,
            String participant,
            InstrumentType type,
            LocalDate depositedOn,
            List<String> declarations,
            List<String> reservations) {
        this(treatyId, recordId, participant, type, depositedOn, declarations, reservations, null, null);
    }
}
