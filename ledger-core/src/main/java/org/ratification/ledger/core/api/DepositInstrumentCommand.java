package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the deposit of an instrument, with the declarations and reservations made upon it. */
public record DepositInstrumentCommand(
        @TargetAggregateIdentifier String treatyId,
        String recordId,
        String participant,
        InstrumentType type,
        LocalDate depositedOn,
        List<String> declarations,
        List<String> reservations) {}
