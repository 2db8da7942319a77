package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A declaration, reservation, objection, withdrawal or notification was received. */
@Revision("1")
public record CommunicationReceivedEvent(
        String treatyId,
        String recordId,
        String participant,
        CommunicationKind kind,
        LocalDate receivedOn,
        String text,
        String refersTo,
        List<String> territories)
        implements TreatyEvent {

    public CommunicationReceivedEvent(
            String treatyId,
            String recordId,
            String participant,
            CommunicationKind kind,
            LocalDate receivedOn,
            String text,
            String refersTo) {
        this(treatyId, recordId, participant, kind, receivedOn, text, refersTo, List.of());
    }

    @Override
    public LocalDate legalDate() {
        return receivedOn;
    }
}
