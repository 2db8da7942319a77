package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a Party's instrument of ratification, acceptance or approval of an amendment. */
public record DepositAmendmentInstrumentCommand(
        @TargetAggregateIdentifier String treatyId,
        String recordId,
        String amendmentId,
        String participant,
        InstrumentType type,
        LocalDate depositedOn) {}
