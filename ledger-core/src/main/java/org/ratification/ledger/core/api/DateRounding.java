package org.ratification.ledger.core.api;

/**
 * How a date counted from a deposit is rounded to a calendar month (docs/CLAUSES.md, family 1).
 * {@code FIRST_DAY_OF_NEXT_MONTH}: "the first day of the month after the 60th day following the
 * deposit" (Rome Statute). {@code FIRST_DAY_OF_MONTH}: "the first day of the sixth month after the
 * month in which the instrument was deposited" (Ottawa Convention: six months, then the first day of
 * that month).
 */
public enum DateRounding {
    NONE,
    FIRST_DAY_OF_MONTH,
    FIRST_DAY_OF_NEXT_MONTH
}
