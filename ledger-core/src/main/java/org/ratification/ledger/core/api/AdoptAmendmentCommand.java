package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the adoption of an amendment to the treaty by the Conference of the States Parties. */
public record AdoptAmendmentCommand(
        @TargetAggregateIdentifier String treatyId,
        String recordId,
        String amendmentId,
        LocalDate adoptedOn,
        AdoptionMethod method,
        String text) {}
