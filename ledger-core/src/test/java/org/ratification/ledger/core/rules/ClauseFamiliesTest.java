package org.ratification.ledger.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.DateRounding;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.LaterInstrumentsFrom;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.WeightedCondition;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.EntryIntoForce.Instrument;
import org.ratification.ledger.core.rules.EntryIntoForce.Result;

/** Fixtures for each clause family of docs/CLAUSES.md, and the bounds on their numbers. */
class ClauseFamiliesTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static EntryIntoForceClause clause(
            int required,
            int days,
            int laterDays,
            Integer months,
            DateRounding rounding,
            LocalDate floor,
            LaterInstrumentsFrom from,
            List<String> named,
            WeightedCondition weighted,
            List<InstrumentType> kinds) {
        return new EntryIntoForceClause(
                required, days, laterDays, false, months, months, rounding, floor, from, named, weighted, kinds);
    }

    private static Instrument i(String participant, String date) {
        return new Instrument(participant, false, d(date), InstrumentType.RATIFICATION);
    }

    // family 1
    @Test
    void firstDayOfTheMonthAfterTheNthDay() {
        var rome = clause(2, 60, 60, null, DateRounding.FIRST_DAY_OF_NEXT_MONTH, null, null, null, null, null);
        Result r = EntryIntoForce.compute(rome, List.of(i("FRA", "2002-01-05"), i("DEU", "2002-04-11")));
        assertThat(r.entryIntoForceOn()).isEqualTo(d("2002-07-01")); // 11 April + 60 = 10 June
        assertThat(r.entryIntoForceFor(d("2002-05-31"))).isEqualTo(d("2002-08-01")); // + 60 = 30 July
        assertThat(r.entryIntoForceFor(d("2002-06-01"))).isEqualTo(d("2002-08-01")); // + 60 = 31 July
        assertThat(r.entryIntoForceFor(d("2002-06-02"))).isEqualTo(d("2002-09-01")); // + 60 = 1 August
    }

    @Test
    void firstDayOfTheSixthMonthAfterTheMonthOfDeposit() {
        var ottawa = clause(1, 0, 0, 6, DateRounding.FIRST_DAY_OF_MONTH, null, null, null, null, null);
        Result r = EntryIntoForce.compute(ottawa, List.of(i("BFA", "1998-09-30")));
        assertThat(r.entryIntoForceOn()).isEqualTo(d("1999-03-01"));
        assertThat(r.entryIntoForceFor(d("1999-08-31"))).isEqualTo(d("2000-02-01"));
        assertThat(ClauseText.delay(0, 6, DateRounding.FIRST_DAY_OF_MONTH))
                .isEqualTo("the first day of the 6th month after the month of");
    }

    // family 2
    @Test
    void floorHoldsTheGeneralDateButNotLaterInstruments() {
        var cwc = clause(1, 180, 30, null, null, d("1995-01-13"), null, null, null, null);
        Result r = EntryIntoForce.compute(cwc, List.of(i("FJI", "1993-01-20")));
        assertThat(r.entryIntoForceOn()).isEqualTo(d("1995-01-13")); // not 19 July 1993
        assertThat(r.entryIntoForceFor(d("1994-12-01"))).isEqualTo(d("1995-01-13"));
        assertThat(r.entryIntoForceFor(d("1995-06-01"))).isEqualTo(d("1995-07-01"));
    }

    // family 3
    @Test
    void laterClockFromEntryIntoForceGivesTheGeneralDateToEveryInstrumentBeforeIt() {
        var fromThreshold = clause(1, 180, 30, null, null, null, null, null, null, null);
        var fromEntry = clause(1, 180, 30, null, null, null, LaterInstrumentsFrom.ENTRY_INTO_FORCE, null, null, null);
        List<Instrument> one = List.of(i("HUN", "1996-10-31"));
        LocalDate dayBefore = d("1997-04-28");
        assertThat(EntryIntoForce.compute(fromThreshold, one).entryIntoForceFor(dayBefore))
                .isEqualTo(d("1997-05-28"));
        assertThat(EntryIntoForce.compute(fromEntry, one).entryIntoForceFor(dayBefore))
                .isEqualTo(d("1997-04-29"));
        assertThat(EntryIntoForce.compute(fromEntry, one).entryIntoForceFor(d("1997-04-29")))
                .isEqualTo(d("1997-05-29"));
    }

    // family 4
    @Test
    void namedSetMustAllHaveDepositedAndExplanationSaysHowMany() {
        var ctbt = clause(
                2,
                180,
                30,
                null,
                null,
                d("1998-09-24"),
                LaterInstrumentsFrom.ENTRY_INTO_FORCE,
                List.of("USA", "CHN", "IND"),
                null,
                null);
        List<Instrument> instruments = new ArrayList<>(List.of(
                i("FRA", "1998-04-06"), i("GBR", "1998-04-06"), i("USA", "2030-01-01"), i("CHN", "2030-02-01")));
        Result partial = EntryIntoForce.compute(ctbt, instruments);
        assertThat(partial.thresholdReached()).isFalse();
        assertThat(partial.requiredDeposited()).isEqualTo(2);
        assertThat(ClauseText.progress(ctbt, partial, code -> code))
                .contains("Named participants: 2 of 3 have deposited; 1 missing: IND.");
        instruments.add(i("IND", "2031-03-01"));
        Result all = EntryIntoForce.compute(ctbt, instruments);
        assertThat(all.thresholdReachedOn()).isEqualTo(d("2031-03-01"));
        assertThat(all.thresholdInstrument().participant()).isEqualTo("IND");
        assertThat(all.entryIntoForceOn()).isEqualTo(d("2031-08-28"));
    }

    // family 5
    @Test
    void weightedConditionIsReachedOnlyWithEnoughWeightAndExplanationSaysHowFar() {
        // Kyoto-like: 3 instruments, and 55 % of the weights (tenths of a per cent)
        var weighted = new WeightedCondition(Map.of("USA", 361L, "RUS", 174L, "JPN", 85L, "DEU", 74L), 1000L, 55, null);
        var kyoto = clause(3, 90, 90, null, null, null, null, null, weighted, null);
        List<Instrument> instruments = new ArrayList<>(List.of(
                i("ISL", "2002-05-23"), i("JPN", "2002-06-04"), i("DEU", "2002-05-31"), i("FJI", "1998-09-17")));
        Result without = EntryIntoForce.compute(kyoto, instruments);
        assertThat(without.thresholdReached()).isFalse();
        assertThat(without.counted()).isEqualTo(4);
        assertThat(ClauseText.progress(kyoto, without, code -> code))
                .contains("Weighted condition: 15.90 per cent of the required 55 per cent (not met).");
        instruments.add(i("RUS", "2004-11-18"));
        Result with = EntryIntoForce.compute(kyoto, instruments);
        assertThat(with.thresholdReached()).isFalse(); // 33.3 %
        instruments.add(i("USA", "2010-01-01"));
        Result all = EntryIntoForce.compute(kyoto, instruments);
        assertThat(all.thresholdReachedOn()).isEqualTo(d("2010-01-01"));
        assertThat(all.entryIntoForceOn()).isEqualTo(d("2010-04-01"));
        assertThat(weighted.reachedBy(550)).isTrue();
        assertThat(weighted.reachedBy(549)).isFalse();
    }

    // family 6
    @Test
    void onlyTheKindsTheClauseNamesCount() {
        var fctc = clause(
                2,
                90,
                90,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(InstrumentType.RATIFICATION, InstrumentType.ACCESSION));
        List<Instrument> instruments = List.of(
                new Instrument("NOR", false, d("2003-06-16"), InstrumentType.APPROVAL),
                new Instrument("FJI", false, d("2003-10-03"), InstrumentType.RATIFICATION),
                new Instrument("IND", false, d("2004-02-05"), InstrumentType.ACCESSION));
        Result r = EntryIntoForce.compute(fctc, instruments);
        assertThat(r.counted()).isEqualTo(2);
        assertThat(r.thresholdReachedOn()).isEqualTo(d("2004-02-05"));
        // the approval does not count, but it takes effect with the treaty
        assertThat(r.entryIntoForceFor(d("2003-06-16"))).isEqualTo(r.entryIntoForceOn());
    }

    // family 7
    @Test
    void signatureOpenIndefinitelyOrUntilEntryIntoForce() {
        var indefinitely = new SignatureClause(d("1980-03-01"), null, false);
        assertThat(indefinitely.isOpen(d("2090-01-01"), d("1981-09-03"))).isTrue();
        assertThat(indefinitely.closedFrom(d("1981-09-03"))).isNull();
        var untilForce = new SignatureClause(d("1997-12-03"), null, true);
        assertThat(untilForce.isOpen(d("1999-02-28"), d("1999-03-01"))).isTrue();
        assertThat(untilForce.isOpen(d("1999-03-01"), d("1999-03-01"))).isFalse();
        assertThat(untilForce.isOpen(d("2030-01-01"), null)).isTrue();
        assertThat(untilForce.closedFrom(d("1999-03-01"))).isEqualTo(d("1999-03-01"));
        var both = new SignatureClause(d("2000-01-01"), d("2000-12-31"), true);
        assertThat(both.closedFrom(d("2001-06-01"))).isEqualTo(d("2001-01-01"));
        assertThat(both.closedFrom(d("2000-06-01"))).isEqualTo(d("2000-06-01"));
    }

    // family 8
    @Test
    void denunciationInDaysOrMonthsAndDays() {
        assertThat(Action.denunciationTakesEffect(new DenunciationClause(0, false, 90, null), d("2030-01-10")))
                .isEqualTo(d("2030-04-10"));
        assertThat(Action.denunciationTakesEffect(new DenunciationClause(12, false, null, 3), d("2020-02-29")))
                .isEqualTo(d("2021-02-28"));
        assertThat(Action.denunciationTakesEffect(new DenunciationClause(1, false, 1, null), d("2030-01-31")))
                .isEqualTo(d("2030-03-01"));
    }

    // bounds, where each number enters
    @Test
    void definitionsWithNumbersOutOfBoundsAreRefused() {
        assertThat(check(eif(clause(1, 0, 0, 1_201, null, null, null, null, null, null))))
                .isPresent();
        assertThat(check(eif(clause(1, 36_501, 0, null, null, null, null, null, null, null))))
                .isPresent();
        assertThat(check(eif(clause(1, 0, 0, null, null, d("1999-01-01"), null, null, null, null))))
                .isPresent();
        assertThat(check(eif(clause(1, 0, 0, null, null, null, null, List.of("FRA", "FRA"), null, null))))
                .isPresent();
        assertThat(check(eif(clause(
                        1,
                        0,
                        0,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new WeightedCondition(Map.of("FRA", -1L), null, 55, null),
                        null))))
                .isPresent();
        assertThat(check(eif(clause(
                        1,
                        0,
                        0,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new WeightedCondition(Map.of("FRA", 1L), null, 101, null),
                        null))))
                .isPresent();
        assertThat(check(eif(clause(1, 0, 0, null, null, null, null, null, null, List.of()))))
                .isPresent();
        assertThat(check(base(new DenunciationClause(0, false, 36_501, null)))).isPresent();
        assertThat(check(base(new DenunciationClause(0, false, null, 101)))).isPresent();
        assertThat(DefinitionRules.checkParticipants(
                        eif(clause(1, 0, 0, null, null, null, null, List.of("XXX"), null, null)),
                        ParticipantRegistry.standard()))
                .isPresent();
        // every family within bounds is accepted
        assertThat(check(eif(clause(
                        1,
                        60,
                        30,
                        6,
                        DateRounding.FIRST_DAY_OF_MONTH,
                        d("2030-01-01"),
                        LaterInstrumentsFrom.ENTRY_INTO_FORCE,
                        List.of("FRA"),
                        new WeightedCondition(Map.of("FRA", 1L), 2L, 50, "shares"),
                        List.of(InstrumentType.ACCESSION)))))
                .isEmpty();
        assertThat(check(base(new DenunciationClause(0, false, 90, 3)))).isEmpty();
    }

    private static Optional<Rejection> check(TreatyDefinition d) {
        return DefinitionRules.check(d.id(), d);
    }

    private static TreatyDefinition eif(EntryIntoForceClause clause) {
        return new TreatyDefinition(
                "T",
                "T",
                "T",
                d("2020-01-01"),
                new SignatureClause(d("2020-01-01"), null, false),
                clause,
                new DenunciationClause(12));
    }

    private static TreatyDefinition base(DenunciationClause denunciation) {
        return new TreatyDefinition(
                "T",
                "T",
                "T",
                d("2020-01-01"),
                new SignatureClause(d("2020-01-01"), d("2020-12-31")),
                new EntryIntoForceClause(1, 0, 0, false),
                denunciation);
    }
}
