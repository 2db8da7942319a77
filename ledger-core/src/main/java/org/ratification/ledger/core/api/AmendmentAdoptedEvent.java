package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An amendment was adopted on {@code adoptedOn}. */
@Revision("1")
public record AmendmentAdoptedEvent(
        String treatyId, String recordId, String amendmentId, LocalDate adoptedOn, AdoptionMethod method, String text)
        implements TreatyEvent {
    @Override
    public LocalDate legalDate() {
        return adoptedOn;
    }
}
