package org.ratification.ledger.core.api;

import java.time.LocalDate;

/**
 * An instrument as the status table shows it: type, UNTC letter and date of deposit; for a
 * succession (letter d) the predecessor State and the date from which the successor is bound.
 *
 * @param letter the letter the UN Treaty Collection prints after the date, or null where it prints
 *     none (a ratification): never empty
 */
public record InstrumentView(
        InstrumentType type,
        String letter,
        LocalDate depositedOn,
        String recordId,
        String predecessor,
        LocalDate boundFrom) {

    public InstrumentView {
        letter = letter == null || letter.isEmpty() ? null : letter;
    }
}
