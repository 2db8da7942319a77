package org.ratification.ledger.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.WeightedCondition;

/**
 * The entry-into-force article as arithmetic (DOMAIN.md rule 5 and docs/CLAUSES.md), for any
 * clause. Instruments are ordered by date of deposit, never by recording order; a participant counts
 * once however many instruments it deposited over time; instruments of a REIO count only where the
 * clause says so, and only the kinds of instrument the clause counts. The threshold is reached by
 * the first instrument after which every condition holds: the number of instruments, the named
 * participants (all deposited), the weighted share.
 */
public final class EntryIntoForce {

    private EntryIntoForce() {}

    /** An instrument as the arithmetic sees it ({@code type} null: a kind that always counts). */
    public record Instrument(String participant, boolean reio, LocalDate depositedOn, InstrumentType type) {

        public Instrument(String participant, boolean reio, LocalDate depositedOn) {
            this(participant, reio, depositedOn, null);
        }
    }

    /**
     * The outcome: the number of instruments counted, and once the threshold is reached, the
     * threshold instrument, its date and the general date of entry into force; with how far the
     * named-set and weighted conditions are ({@code requiredDeposited} of the named participants,
     * {@code requiredMissing} those that have not deposited yet, in the definition's order,
     * {@code weight} the counted participants' summed weight).
     */
    public record Result(
            EntryIntoForceClause clause,
            int counted,
            Instrument thresholdInstrument,
            LocalDate thresholdReachedOn,
            LocalDate entryIntoForceOn,
            int requiredDeposited,
            List<String> requiredMissing,
            long weight) {

        public Result {
            requiredMissing = List.copyOf(requiredMissing);
        }

        public Result(
                EntryIntoForceClause clause,
                int counted,
                Instrument thresholdInstrument,
                LocalDate thresholdReachedOn,
                LocalDate entryIntoForceOn) {
            this(clause, counted, thresholdInstrument, thresholdReachedOn, entryIntoForceOn, 0, List.of(), 0);
        }

        public boolean thresholdReached() {
            return thresholdReachedOn != null;
        }

        /**
         * When the treaty enters into force for an instrument deposited on {@code depositedOn}:
         * the general date for instruments deposited on or before the threshold date (before the
         * general date where the later clock starts at entry into force), otherwise the later of
         * the general date and the day the clause names after the deposit; {@code null} while the
         * threshold is not reached.
         */
        public LocalDate entryIntoForceFor(LocalDate depositedOn) {
            if (!thresholdReached()) {
                return null;
            }
            LocalDate takesGeneralUpTo =
                    clause.laterClockFromEntryIntoForce() ? entryIntoForceOn.minusDays(1) : thresholdReachedOn;
            if (!depositedOn.isAfter(takesGeneralUpTo)) {
                return entryIntoForceOn;
            }
            LocalDate own = clause.laterDate(depositedOn);
            return own.isAfter(entryIntoForceOn) ? own : entryIntoForceOn;
        }
    }

    private static final Comparator<Instrument> BY_DATE_THEN_PARTICIPANT =
            Comparator.comparing(Instrument::depositedOn).thenComparing(Instrument::participant);

    /** Whether an instrument counts toward the threshold under {@code clause}. */
    public static boolean counts(EntryIntoForceClause clause, Instrument instrument) {
        return (clause.reioInstrumentsCount() || !instrument.reio()) && clause.counts(instrument.type());
    }

    /**
     * The instruments that count toward the threshold, in the order they count (date of deposit,
     * then participant): the kinds and participants the clause counts, each participant once, at
     * its first such instrument.
     */
    public static List<Instrument> counted(EntryIntoForceClause clause, Collection<Instrument> instruments) {
        List<Instrument> sorted = instruments.stream()
                .filter(i -> counts(clause, i))
                .sorted(BY_DATE_THEN_PARTICIPANT)
                .toList();
        Set<String> seen = new HashSet<>();
        List<Instrument> counted = new ArrayList<>();
        for (Instrument instrument : sorted) {
            if (seen.add(instrument.participant())) {
                counted.add(instrument);
            }
        }
        return List.copyOf(counted);
    }

    public static Result compute(EntryIntoForceClause clause, Collection<Instrument> instruments) {
        List<Instrument> sorted = counted(clause, instruments);
        List<String> required = clause.requiredParticipants() == null ? List.of() : clause.requiredParticipants();
        WeightedCondition weighted = clause.weighted();
        Set<String> counted = new LinkedHashSet<>();
        int requiredDeposited = 0;
        long weight = 0;
        Instrument threshold = null;
        for (Instrument instrument : sorted) {
            counted.add(instrument.participant());
            if (required.contains(instrument.participant())) {
                requiredDeposited++;
            }
            if (weighted != null) {
                weight += weighted.weights().getOrDefault(instrument.participant(), 0L);
            }
            if (threshold == null
                    && counted.size() >= clause.instrumentsRequired()
                    && requiredDeposited == required.size()
                    && (weighted == null || weighted.reachedBy(weight))) {
                threshold = instrument;
            }
        }
        List<String> missing =
                required.stream().filter(code -> !counted.contains(code)).toList();
        if (threshold == null) {
            return new Result(clause, counted.size(), null, null, null, requiredDeposited, missing, weight);
        }
        LocalDate thresholdDate = threshold.depositedOn();
        return new Result(
                clause,
                counted.size(),
                threshold,
                thresholdDate,
                clause.generalDate(thresholdDate),
                requiredDeposited,
                missing,
                weight);
    }
}
