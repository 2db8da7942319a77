package org.ratification.ledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a treaty with its final clauses; the treaty's id is the aggregate's id. */
public record RegisterTreatyCommand(
        @TargetAggregateIdentifier String treatyId, String recordId, TreatyDefinition definition) {}
