package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the deposit of an instrument, with the declarations and reservations made upon it. For a
 * notification of succession, {@code predecessor} names the predecessor State and {@code
 * boundFrom} the date from which the successor considers itself bound (both null otherwise);
 * {@code irregularity} acknowledges the one refusal the depositary overrides (null otherwise).
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
        LocalDate boundFrom,
        Irregularity irregularity) {

    public DepositInstrumentCommand(
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

    public DepositInstrumentCommand(
            String treatyId,
            String recordId,
            String participant,
            InstrumentType type,
            LocalDate depositedOn,
            List<String> declarations,
            List<String> reservations) {
        this(treatyId, recordId, participant, type, depositedOn, declarations, reservations, null, null, null);
    }
}
