package org.ratification.ledger.core.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ratification.ledger.core.api.EntryIntoForceClause;

/**
 * The entry-into-force article as arithmetic (DOMAIN.md rule 5), for any clause. Instruments are
 * ordered by date of deposit, never by recording order; a participant counts once however many
 * instruments it deposited over time; instruments of a REIO count only where the clause says so.
 */
public final class EntryIntoForce {

    private EntryIntoForce() {}

    /** An instrument as the arithmetic sees it. */
    public record Instrument(String participant, boolean reio, LocalDate depositedOn) {}

    /**
     * The outcome: the number of instruments counted, and once the threshold is reached, the
     * threshold instrument, its date and the general date of entry into force.
     */
    public record Result(
            EntryIntoForceClause clause,
            int counted,
            Instrument thresholdInstrument,
            LocalDate thresholdReachedOn,
            LocalDate entryIntoForceOn) {

        public boolean thresholdReached() {
            return thresholdReachedOn != null;
        }

        /**
         * When the treaty enters into force for an instrument deposited on {@code depositedOn}:
         * the general date for instruments deposited on or before the threshold date, otherwise the
         * later of the general date and the day the clause names after the deposit; {@code null}
         * while the threshold is not reached.
         */
        public LocalDate entryIntoForceFor(LocalDate depositedOn) {
            if (!thresholdReached()) {
                return null;
            }
            if (!depositedOn.isAfter(thresholdReachedOn)) {
                return entryIntoForceOn;
            }
            LocalDate own = depositedOn.plusDays(clause.daysAfterLaterInstrument());
            return own.isAfter(entryIntoForceOn) ? own : entryIntoForceOn;
        }
    }

    private static final Comparator<Instrument> BY_DATE_THEN_PARTICIPANT =
            Comparator.comparing(Instrument::depositedOn).thenComparing(Instrument::participant);

    public static Result compute(EntryIntoForceClause clause, Collection<Instrument> instruments) {
        List<Instrument> sorted = instruments.stream()
                .filter(i -> clause.reioInstrumentsCount() || !i.reio())
                .sorted(BY_DATE_THEN_PARTICIPANT)
                .toList();
        Set<String> counted = new HashSet<>();
        Instrument threshold = null;
        for (Instrument instrument : sorted) {
            if (counted.add(instrument.participant()) && counted.size() == clause.instrumentsRequired()) {
                threshold = instrument;
            }
        }
        if (threshold == null) {
            return new Result(clause, counted.size(), null, null, null);
        }
        LocalDate thresholdDate = threshold.depositedOn();
        return new Result(
                clause, counted.size(), threshold, thresholdDate, thresholdDate.plusDays(clause.daysAfterThreshold()));
    }
}
