package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a participant's signature on its legal date; {@code place} is optional. */
public record SignConventionCommand(
        @TargetAggregateIdentifier String treatyId,
        String recordId,
        String participant,
        LocalDate signedOn,
        String place) {}
