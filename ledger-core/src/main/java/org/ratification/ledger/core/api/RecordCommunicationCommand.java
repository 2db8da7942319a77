package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a communication received from a participant. {@code refersTo} names the record an
 * objection or a withdrawal is about, and is {@code null} otherwise.
 */
public record RecordCommunicationCommand(
        @TargetAggregateIdentifier String treatyId,
        String recordId,
        String participant,
        CommunicationKind kind,
        LocalDate receivedOn,
        String text,
        String refersTo) {}
