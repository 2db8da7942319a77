package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a participant's signature on its legal date; {@code place} is optional. A succession to
 * a signature names the {@code predecessor} whose signature the participant succeeded to; {@code
 * irregularity} acknowledges the one refusal the depositary overrides (both null otherwise).
 */
public record SignConventionCommand(
        @TargetAggregateIdentifier String treatyId,
        String recordId,
        String participant,
        LocalDate signedOn,
        String place,
        String predecessor,
        Irregularity irregularity) {

    public SignConventionCommand(
            String treatyId, String recordId, String participant, LocalDate signedOn, String place) {
        this(treatyId, recordId, participant, signedOn, place, null, null);
    }
}
