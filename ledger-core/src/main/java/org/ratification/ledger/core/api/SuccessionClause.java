package org.ratification.ledger.core.api;

/**
 * How a notification of succession takes effect: {@code fromDateOfSuccession} true means the
 * successor is bound from the date it states (never before the general date of entry into force);
 * false means it takes effect like any other instrument.
 */
public record SuccessionClause(boolean fromDateOfSuccession) {

    /** Depositary practice: the successor is bound from the date of succession. */
    public static SuccessionClause standard() {
        return new SuccessionClause(true);
    }
}
