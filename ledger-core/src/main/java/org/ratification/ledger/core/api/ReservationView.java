package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A reservation with the objections made to it. {@code objectionPeriodEndsOn} closes the twelve
 * months customarily allowed for objections (Vienna Convention art. 20(5)).
 */
public record ReservationView(
        String recordId,
        String participant,
        LocalDate madeOn,
        List<String> texts,
        boolean withdrawn,
        LocalDate objectionPeriodEndsOn,
        List<Objection> objections) {

    /** An objection; {@code timely} is false for one made after the period (recorded, flagged). */
    public record Objection(String recordId, String participant, LocalDate madeOn, String text, boolean timely) {}
}
