package org.ratification.ledger.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.rules.EntryIntoForce.Instrument;
import org.ratification.ledger.core.rules.EntryIntoForce.Result;

/**
 * DOMAIN.md rule 5 as properties of {@link EntryIntoForce}, for clauses of any size: instruments
 * are ordered by date of deposit, a participant counts once, REIO instruments count only where the
 * clause says so, and "the n-th day after D" is D plus n days.
 */
class EntryIntoForceProperties {

    /** Deposits fall within 60 days of this date, so many share a day. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2030, 1, 1);

    // --- properties ---------------------------------------------------------------------------

    @Property
    void resultDoesNotDependOnTheOrderInWhichInstrumentsWereRecorded(
            @ForAll("clauses") EntryIntoForceClause clause,
            @ForAll("instruments") List<Instrument> instruments,
            @ForAll Random random) {
        List<Instrument> shuffled = new ArrayList<>(instruments);
        Collections.shuffle(shuffled, random);

        assertThat(EntryIntoForce.compute(clause, shuffled)).isEqualTo(EntryIntoForce.compute(clause, instruments));
    }

    @Property
    void reioInstrumentsNeverChangeTheResultWhenTheClauseDoesNotCountThem(
            @ForAll("clauses") EntryIntoForceClause anyClause,
            @ForAll("stateInstruments") List<Instrument> states,
            @ForAll("reioInstruments") List<Instrument> reios) {
        EntryIntoForceClause clause = withReioInstrumentsCounted(anyClause, false);
        List<Instrument> all = new ArrayList<>(states);
        all.addAll(reios);

        assertThat(EntryIntoForce.compute(clause, all)).isEqualTo(EntryIntoForce.compute(clause, states));
    }

    @Property
    void reioInstrumentsCountLikeStatesWhenTheClauseSaysSo(
            @ForAll("clauses") EntryIntoForceClause anyClause, @ForAll("instruments") List<Instrument> instruments) {
        EntryIntoForceClause clause = withReioInstrumentsCounted(anyClause, true);
        List<Instrument> asStates = instruments.stream()
                .map(i -> new Instrument(i.participant(), false, i.depositedOn()))
                .toList();

        assertThat(EntryIntoForce.compute(clause, instruments).entryIntoForceOn())
                .isEqualTo(EntryIntoForce.compute(clause, asStates).entryIntoForceOn());
    }

    @Property
    void treatyEntersIntoForceWhenTheRequiredNumberOfDistinctParticipantsHaveDeposited(
            @ForAll("clauses") EntryIntoForceClause clause, @ForAll("instruments") List<Instrument> instruments) {
        Result result = EntryIntoForce.compute(clause, instruments);

        LocalDate expectedThreshold = firstDayWithEnoughParticipants(clause, instruments);
        assertThat(result.counted()).isEqualTo(countedParticipantsOnOrBefore(clause, instruments, LocalDate.MAX));
        assertThat(result.thresholdReachedOn()).isEqualTo(expectedThreshold);
        if (expectedThreshold == null) {
            assertThat(result.thresholdReached()).isFalse();
            assertThat(result.entryIntoForceOn()).isNull();
            assertThat(result.thresholdInstrument()).isNull();
        } else {
            assertThat(result.entryIntoForceOn()).isEqualTo(expectedThreshold.plusDays(clause.daysAfterThreshold()));
            assertThat(result.thresholdInstrument()).isIn(instruments);
            assertThat(result.thresholdInstrument().depositedOn()).isEqualTo(expectedThreshold);
            assertThat(clause.reioInstrumentsCount()
                            || !result.thresholdInstrument().reio())
                    .as("the threshold instrument is one that counts")
                    .isTrue();
        }
    }

    @Property
    void noParticipantsEntryIntoForcePrecedesTheGeneralDate(
            @ForAll("clauses") EntryIntoForceClause clause, @ForAll("instruments") List<Instrument> instruments) {
        Result result = EntryIntoForce.compute(clause, instruments);

        for (Instrument instrument : instruments) {
            LocalDate own = result.entryIntoForceFor(instrument.depositedOn());
            if (!result.thresholdReached()) {
                assertThat(own).isNull();
            } else if (instrument.depositedOn().isAfter(result.thresholdReachedOn())) {
                assertThat(own)
                        .isAfterOrEqualTo(result.entryIntoForceOn())
                        .isAfterOrEqualTo(instrument.depositedOn().plusDays(clause.daysAfterLaterInstrument()))
                        .isIn(
                                result.entryIntoForceOn(),
                                instrument.depositedOn().plusDays(clause.daysAfterLaterInstrument()));
            } else {
                assertThat(own).isEqualTo(result.entryIntoForceOn());
            }
        }
    }

    @Property
    void aParticipantCountsOnceHoweverManyInstrumentsItDeposited(
            @ForAll("clauses") EntryIntoForceClause clause,
            @ForAll("instruments") List<Instrument> instruments,
            @ForAll("offsets") int daysLater) {
        List<Instrument> withRepeats = new ArrayList<>(instruments);
        instruments.forEach(i -> withRepeats.add(
                new Instrument(i.participant(), i.reio(), i.depositedOn().plusDays(daysLater))));

        assertThat(EntryIntoForce.compute(clause, withRepeats)).isEqualTo(EntryIntoForce.compute(clause, instruments));
    }

    // --- DOMAIN.md's examples -----------------------------------------------------------------

    @Example
    void fortiethInstrumentDepositedOn10January2030BringsTheTreatyIntoForceOn10April2030() {
        List<Instrument> instruments = statesUntil(39, LocalDate.of(2029, 12, 31));
        instruments.add(state("VNM", LocalDate.of(2030, 1, 10)));

        Result result = EntryIntoForce.compute(new EntryIntoForceClause(40, 90, 30, false), instruments);

        assertThat(result.thresholdReachedOn()).isEqualTo(LocalDate.of(2030, 1, 10));
        assertThat(result.thresholdInstrument().participant()).isEqualTo("VNM");
        assertThat(result.entryIntoForceOn()).isEqualTo(LocalDate.of(2030, 4, 10));
    }

    @Example
    void instrumentDepositedOn10January2030AfterEntryIntoForceTakesEffectOn9February2030() {
        Result result = EntryIntoForce.compute(
                new EntryIntoForceClause(40, 90, 30, false), statesUntil(40, LocalDate.of(2029, 6, 1)));

        assertThat(result.entryIntoForceOn()).isEqualTo(LocalDate.of(2029, 8, 30));
        assertThat(result.entryIntoForceFor(LocalDate.of(2030, 1, 10))).isEqualTo(LocalDate.of(2030, 2, 9));
    }

    @Example
    void laterInstrumentWhoseOwnDateFallsBeforeTheGeneralDateTakesEffectOnTheGeneralDate() {
        Result result = EntryIntoForce.compute(
                new EntryIntoForceClause(40, 90, 30, false), statesUntil(40, LocalDate.of(2030, 1, 10)));

        assertThat(result.entryIntoForceFor(LocalDate.of(2030, 1, 20))).isEqualTo(LocalDate.of(2030, 4, 10));
        assertThat(result.entryIntoForceFor(LocalDate.of(2030, 3, 20))).isEqualTo(LocalDate.of(2030, 4, 19));
    }

    @Example
    void twoInstrumentsOnTheDayAfterThirtyNineReachTheThresholdOnThatDay() {
        LocalDate day = LocalDate.of(2030, 3, 3);
        List<Instrument> instruments = statesUntil(39, day.minusDays(1));
        instruments.add(state("VNM", day));
        instruments.add(state("AUS", day));

        Result result = EntryIntoForce.compute(new EntryIntoForceClause(40, 90, 30, false), instruments);

        assertThat(result.thresholdReachedOn()).isEqualTo(day);
        assertThat(result.counted()).isEqualTo(41);
        assertThat(result.thresholdInstrument().participant()).isIn("VNM", "AUS");
        assertThat(result.entryIntoForceFor(day)).isEqualTo(day.plusDays(90));
    }

    @Example
    void reioInstrumentIsNotCountedAsAdditionalToItsMemberStates() {
        List<Instrument> instruments = statesUntil(39, LocalDate.of(2030, 1, 31));
        instruments.add(new Instrument("EU", true, LocalDate.of(2030, 2, 1)));

        Result result = EntryIntoForce.compute(new EntryIntoForceClause(40, 90, 30, false), instruments);

        assertThat(result.thresholdReached()).isFalse();
        assertThat(result.counted()).isEqualTo(39);
    }

    @Example
    void thirtyInstrumentsWithNinetyDaysForLaterOnesAndCountedReioInstruments() {
        List<Instrument> instruments = statesUntil(29, LocalDate.of(2030, 1, 9));
        instruments.add(new Instrument("EU", true, LocalDate.of(2030, 1, 10)));

        Result result = EntryIntoForce.compute(new EntryIntoForceClause(30, 90, 90, true), instruments);

        assertThat(result.thresholdInstrument().participant()).isEqualTo("EU");
        assertThat(result.entryIntoForceOn()).isEqualTo(LocalDate.of(2030, 4, 10));
        assertThat(result.entryIntoForceFor(LocalDate.of(2030, 3, 1))).isEqualTo(LocalDate.of(2030, 5, 30));
    }

    // --- generators ---------------------------------------------------------------------------

    @Provide
    Arbitrary<EntryIntoForceClause> clauses() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 15),
                        Arbitraries.integers().between(0, 400),
                        Arbitraries.integers().between(0, 120),
                        Arbitraries.of(true, false))
                .as(EntryIntoForceClause::new);
    }

    /** States S01..S20 and REIOs R1..R3, deposits within 60 days; a participant may appear twice. */
    @Provide
    Arbitrary<List<Instrument>> instruments() {
        return Arbitraries.oneOf(stateInstrument(), stateInstrument(), reioInstrument())
                .list()
                .ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Instrument>> stateInstruments() {
        return stateInstrument().list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Instrument>> reioInstruments() {
        return reioInstrument().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, 400);
    }

    private static Arbitrary<Instrument> stateInstrument() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 20),
                        Arbitraries.integers().between(0, 60))
                .as((n, offset) -> new Instrument(String.format("S%02d", n), false, FIRST_DAY.plusDays(offset)));
    }

    private static Arbitrary<Instrument> reioInstrument() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(0, 60))
                .as((n, offset) -> new Instrument("R" + n, true, FIRST_DAY.plusDays(offset)));
    }

    // --- an independent statement of the threshold --------------------------------------------

    /** The earliest deposit date by which enough distinct counted participants have deposited. */
    private static LocalDate firstDayWithEnoughParticipants(EntryIntoForceClause clause, List<Instrument> instruments) {
        Set<LocalDate> days = new TreeSet<>();
        instruments.forEach(i -> days.add(i.depositedOn()));
        return days.stream()
                .filter(day -> countedParticipantsOnOrBefore(clause, instruments, day) >= clause.instrumentsRequired())
                .findFirst()
                .orElse(null);
    }

    private static int countedParticipantsOnOrBefore(
            EntryIntoForceClause clause, List<Instrument> instruments, LocalDate day) {
        Set<String> participants = new HashSet<>();
        for (Instrument instrument : instruments) {
            if ((clause.reioInstrumentsCount() || !instrument.reio())
                    && !instrument.depositedOn().isAfter(day)) {
                participants.add(instrument.participant());
            }
        }
        return participants.size();
    }

    private static EntryIntoForceClause withReioInstrumentsCounted(EntryIntoForceClause clause, boolean counted) {
        return new EntryIntoForceClause(
                clause.instrumentsRequired(), clause.daysAfterThreshold(), clause.daysAfterLaterInstrument(), counted);
    }

    /** {@code count} States (codes S000...) depositing one a day, the last on {@code lastDay}. */
    private static List<Instrument> statesUntil(int count, LocalDate lastDay) {
        return new ArrayList<>(IntStream.range(0, count)
                .mapToObj(n -> state(String.format("S%03d", n), lastDay.minusDays(count - 1 - n)))
                .toList());
    }

    private static Instrument state(String code, LocalDate depositedOn) {
        return new Instrument(code, false, depositedOn);
    }
}
