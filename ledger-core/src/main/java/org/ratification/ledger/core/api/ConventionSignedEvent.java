package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A participant signed the treaty on {@code signedOn}. */
@Revision("1")
public record ConventionSignedEvent(
        String treatyId, String recordId, String participant, LocalDate signedOn, String place) implements TreatyEvent {
    @Override
    public LocalDate legalDate() {
        return signedOn;
    }
}
