package org.ratification.ledger.core.api;

import java.time.LocalDate;

/**
 * What every event of a treaty's stream tells: the treaty, the record's own id (the id auditors
 * cite) and the legal date of the action it records.
 */
public interface TreatyEvent {
    String treatyId();

    String recordId();

    LocalDate legalDate();
}
