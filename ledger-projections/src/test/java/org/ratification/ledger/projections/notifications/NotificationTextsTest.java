package org.ratification.ledger.projections.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.EntryIntoForce;

class NotificationTextsTest {

    private static final TreatyDefinition CYBERCRIME = new TreatyDefinition(
            "cybercrime",
            "XVIII-16",
            "United Nations Convention against Cybercrime",
            LocalDate.of(2024, 12, 24),
            new SignatureClause(LocalDate.of(2025, 10, 25), LocalDate.of(2026, 12, 31)),
            new EntryIntoForceClause(40, 90, 30, false),
            new DenunciationClause(12));

    private final NotificationTexts texts = new NotificationTexts(ParticipantRegistry.standard());

    @Test
    void theReferenceTurnsTheLastHyphenOfTheTreatyReferenceIntoADot() {
        assertThat(NotificationTexts.reference(CYBERCRIME, 196, 2025)).isEqualTo("C.N.196.2025.TREATIES-XVIII.16");
        assertThat(NotificationTexts.dotted("XVIII-12-a")).isEqualTo("XVIII-12.a");
        assertThat(NotificationTexts.dotted("ABC")).isEqualTo("ABC");
    }

    @Test
    void ordinalsAndDatesReadAsEnglish() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 40, 90, 101, 112))
                .extracting(NotificationTexts::ordinal)
                .containsExactly(
                        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "40th", "90th", "101st", "112th");
        assertThat(NotificationTexts.day(LocalDate.of(2030, 4, 10))).isEqualTo("10 April 2030");
        assertThat(NotificationTexts.noun(CYBERCRIME)).isEqualTo("Convention");
    }

    @Test
    void anInstrumentDepositedBeforeTheThresholdIsToldTheRuleAndHowManyAreCounted() {
        var result = EntryIntoForce.compute(CYBERCRIME.entryIntoForce(), List.of(instrument("FRA", "2030-01-10")));
        assertThat(texts.entryIntoForce(CYBERCRIME, "FRA", LocalDate.of(2030, 1, 10), result))
                .contains("The Convention will enter into force for France in accordance with its entry-into-force"
                        + " provisions once the required number of instruments is reached: on the 90th day after"
                        + " the date of deposit of the 40th instrument")
                .contains("(instruments of regional economic integration organizations are not counted)")
                .contains("Instruments counted so far: 1 of 40.");
        var withEu = EntryIntoForce.compute(
                CYBERCRIME.entryIntoForce(),
                List.of(
                        instrument("FRA", "2030-01-10"),
                        new EntryIntoForce.Instrument("EU", true, LocalDate.of(2030, 1, 11))));
        assertThat(texts.entryIntoForce(CYBERCRIME, "EU", LocalDate.of(2030, 1, 11), withEu))
                .contains("this instrument is not counted as additional to those deposited by the member States of");
    }

    @Test
    void theThresholdInstrumentAndLaterInstrumentsAreToldTheirDates() {
        List<EntryIntoForce.Instrument> forty = new java.util.ArrayList<>();
        var states = ParticipantRegistry.standard().all().stream()
                .filter(p -> !p.isReio())
                .limit(41)
                .toList();
        for (int i = 0; i < 40; i++) {
            forty.add(new EntryIntoForce.Instrument(states.get(i).code(), false, LocalDate.of(2030, 1, 10)));
        }
        String last = states.get(40).code();
        forty.add(new EntryIntoForce.Instrument(last, false, LocalDate.of(2030, 3, 20)));
        var result = EntryIntoForce.compute(CYBERCRIME.entryIntoForce(), forty);
        String threshold = result.thresholdInstrument().participant();

        assertThat(texts.entryIntoForce(CYBERCRIME, threshold, LocalDate.of(2030, 1, 10), result))
                .contains("With this instrument the 40th instrument has been deposited")
                .contains("enters into force on 10 April 2030");
        assertThat(texts.entryIntoForce(
                        CYBERCRIME,
                        states.get(0).code().equals(threshold)
                                ? states.get(1).code()
                                : states.get(0).code(),
                        LocalDate.of(2030, 1, 10),
                        result))
                .contains("on 10 April 2030, the 90th day after the date of deposit of the 40th instrument");
        assertThat(texts.entryIntoForce(CYBERCRIME, last, LocalDate.of(2030, 3, 20), result))
                .contains("on 19 April 2030: the 30th day after the date of deposit of its instrument, or the date"
                        + " of entry into force of the Convention (10 April 2030) if that is later.");
    }

    @Test
    void aSuccessorsNotificationNamesItsPredecessorFromTheRegistryOfFormerStates() {
        var event = new org.ratification.ledger.core.api.InstrumentDepositedEvent(
                "cybercrime",
                "r1",
                "MNE",
                org.ratification.ledger.core.api.InstrumentType.SUCCESSION,
                LocalDate.of(2030, 1, 10),
                List.of(),
                List.of(),
                "SCG",
                LocalDate.of(2006, 6, 3));
        var result = EntryIntoForce.compute(CYBERCRIME.entryIntoForce(), List.of(instrument("MNE", "2030-01-10")));
        assertThat(texts.instrument(CYBERCRIME, event, result).text())
                .contains("as successor to Serbia and Montenegro, with effect from 3 June 2006.");
    }

    @Test
    void aClauseOfAnotherFamilyIsToldInItsOwnWords() {
        var rome = new EntryIntoForceClause(
                2,
                60,
                60,
                true,
                null,
                null,
                org.ratification.ledger.core.api.DateRounding.FIRST_DAY_OF_NEXT_MONTH,
                null,
                null,
                null,
                null,
                null);
        var treaty = new TreatyDefinition(
                "rome",
                "XVIII-10",
                "Rome Statute of the International Criminal Court",
                LocalDate.of(1998, 7, 17),
                new SignatureClause(LocalDate.of(1998, 7, 17), LocalDate.of(2000, 12, 31)),
                rome,
                new DenunciationClause(0, false, 365, null));
        var result =
                EntryIntoForce.compute(rome, List.of(instrument("ARG", "2001-02-08"), instrument("AUT", "2002-04-11")));
        assertThat(texts.entryIntoForce(treaty, "AUS", LocalDate.of(2002, 7, 1), result))
                .contains("on 1 September 2002: the first day of the month after the 60th day following the date of"
                        + " deposit of its instrument");
        assertThat(texts.entryIntoForce(treaty, "AUT", LocalDate.of(2002, 4, 11), result))
                .contains(
                        "enters into force on 1 July 2002, the first day of the month after the 60th day following"
                                + " the date of deposit of the 2nd instrument of ratification, acceptance, approval or accession");
    }

    private static EntryIntoForce.Instrument instrument(String participant, String date) {
        return new EntryIntoForce.Instrument(participant, false, LocalDate.parse(date));
    }
}
