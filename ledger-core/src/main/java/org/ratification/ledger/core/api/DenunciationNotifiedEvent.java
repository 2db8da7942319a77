package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A denunciation was received on {@code receivedOn}; it takes effect on {@code effectiveOn}. */
@Revision("1")
public record DenunciationNotifiedEvent(
        String treatyId, String recordId, String participant, LocalDate receivedOn, LocalDate effectiveOn)
        implements TreatyEvent {
    @Override
    public LocalDate legalDate() {
        return receivedOn;
    }
}
