package org.ratification.ledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects the participant, date or instrument type of an earlier record, saying why. */
public record CorrectRecordCommand(
        @TargetAggregateIdentifier String treatyId,
        String recordId,
        String correctsRecordId,
        String reason,
        RecordCorrection correction) {}
