package org.ratification.ledger.core.api;

import java.time.LocalDate;

/**
 * What a correction changes in an earlier record; a {@code null} field keeps the earlier value.
 * {@code date} is the record's legal date (of signature, deposit or receipt).
 */
public record RecordCorrection(String participant, LocalDate date, InstrumentType type) {}
