package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records receipt of a participant's written notification of denunciation. */
public record NotifyDenunciationCommand(
        @TargetAggregateIdentifier String treatyId, String recordId, String participant, LocalDate receivedOn) {}
