package org.ratification.ledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws an earlier record made in error, saying why. */
public record RetractRecordCommand(
        @TargetAggregateIdentifier String treatyId, String recordId, String retractsRecordId, String reason) {}
