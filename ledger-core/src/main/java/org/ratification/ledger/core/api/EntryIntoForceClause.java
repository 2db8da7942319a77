package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The entry-into-force article as data: the number of instruments that brings the treaty into
 * force, the days after the threshold instrument, the days after a later participant's own
 * instrument, and whether instruments of regional economic integration organizations count.
 *
 * <p>The other members are optional (null: the clause does not use them, and the treaty means what
 * a definition without them meant before they existed; docs/CLAUSES.md):
 *
 * @param monthsAfterThreshold months added after {@code daysAfterThreshold} (null: none)
 * @param monthsAfterLaterInstrument months added after {@code daysAfterLaterInstrument} (null: none)
 * @param rounding rounding of both dates to a calendar month (null: {@link DateRounding#NONE})
 * @param notBefore a floor: the general date is never earlier ("in no case earlier than…")
 * @param laterInstrumentsFrom where a later instrument's clock starts (null: the threshold)
 * @param requiredParticipants participants who must all have deposited a counted instrument
 * @param weighted a weighted condition the counted participants must also meet
 * @param countedInstruments the kinds of instrument that count toward the threshold (null: all)
 */
public record EntryIntoForceClause(
        int instrumentsRequired,
        int daysAfterThreshold,
        int daysAfterLaterInstrument,
        boolean reioInstrumentsCount,
        Integer monthsAfterThreshold,
        Integer monthsAfterLaterInstrument,
        DateRounding rounding,
        LocalDate notBefore,
        LaterInstrumentsFrom laterInstrumentsFrom,
        List<String> requiredParticipants,
        WeightedCondition weighted,
        List<InstrumentType> countedInstruments) {

    /** The original family: the Nth counted instrument, then a delay in days. */
    public EntryIntoForceClause(
            int instrumentsRequired,
            int daysAfterThreshold,
            int daysAfterLaterInstrument,
            boolean reioInstrumentsCount) {
        this(
                instrumentsRequired,
                daysAfterThreshold,
                daysAfterLaterInstrument,
                reioInstrumentsCount,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public DateRounding roundingOrNone() {
        return rounding == null ? DateRounding.NONE : rounding;
    }

    public boolean laterClockFromEntryIntoForce() {
        return laterInstrumentsFrom == LaterInstrumentsFrom.ENTRY_INTO_FORCE;
    }

    /** Whether an instrument of this kind counts toward the threshold. */
    public boolean counts(InstrumentType type) {
        return countedInstruments == null
                || countedInstruments.isEmpty()
                || type == null
                || countedInstruments.contains(type);
    }

    /** The general date for a threshold reached on {@code thresholdDate}, floor included. */
    public LocalDate generalDate(LocalDate thresholdDate) {
        LocalDate date = shift(thresholdDate, daysAfterThreshold, monthsAfterThreshold);
        return notBefore != null && date.isBefore(notBefore) ? notBefore : date;
    }

    /** A later instrument's own date, before comparing it with the general date. */
    public LocalDate laterDate(LocalDate depositedOn) {
        return shift(depositedOn, daysAfterLaterInstrument, monthsAfterLaterInstrument);
    }

    private LocalDate shift(LocalDate from, int days, Integer months) {
        LocalDate date = from.plusDays(days).plusMonths(months == null ? 0 : months);
        return switch (roundingOrNone()) {
            case NONE -> date;
            case FIRST_DAY_OF_MONTH -> date.withDayOfMonth(1);
            case FIRST_DAY_OF_NEXT_MONTH -> date.withDayOfMonth(1).plusMonths(1);
        };
    }
}
