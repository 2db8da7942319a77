package org.ratification.ledger.core.api;

import java.time.LocalDate;
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
        String refersTo)
        implements TreatyEvent {
    @Override
    public LocalDate legalDate() {
        return receivedOn;
    }
}
