package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A treaty was registered with its final clauses; its legal date is the date of adoption. */
@Revision("1")
public record TreatyRegisteredEvent(String treatyId, String recordId, TreatyDefinition definition)
        implements TreatyEvent {
    @Override
    public LocalDate legalDate() {
        return definition.adoptedOn();
    }
}
