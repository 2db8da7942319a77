package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a communication received from a participant. {@code refersTo} names the record an
 * objection or a withdrawal is about, and is {@code null} otherwise; {@code territories} names the
 * territories of a territorial application.
 */
public record RecordCommunicationCommand(
        @TargetAggregateIdentifier String treatyId,
        String recordId,
        String participant,
        CommunicationKind kind,
        LocalDate receivedOn,
        String text,
        String refersTo,
        List<String> territories) {

    public RecordCommunicationCommand(
            String treatyId,
            String recordId,
            String participant,
            CommunicationKind kind,
            LocalDate receivedOn,
            String text,
            String refersTo) {
        this(treatyId, recordId, participant, kind, receivedOn, text, refersTo, null);
    }
}
