package org.ratification.ledger.core.api;

import java.time.LocalDate;

/** An instrument as the status table shows it: type, UNTC letter and date of deposit. */
public record InstrumentView(InstrumentType type, String letter, LocalDate depositedOn, String recordId) {}
