package org.ratification.ledger.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ratification.ledger.core.api.InstrumentType.APPROVAL;
import static org.ratification.ledger.core.api.InstrumentType.RATIFICATION;
import static org.ratification.ledger.core.api.ParticipantStatus.CONTRACTING;
import static org.ratification.ledger.core.api.ParticipantStatus.PARTY;
import static org.ratification.ledger.core.api.ParticipantStatus.SIGNATORY;
import static org.ratification.ledger.core.api.ParticipantStatus.WITHDRAWN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.ParticipantStatus;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.api.TreatyStatusView;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/**
 * Statuses as of a legal date (DOMAIN.md, status vocabulary and rule 5), computed from folded
 * facts. The treaty needs two instruments; it enters into force on the 60th day after the second
 * and on the 15th day after a later instrument; REIO instruments do not count.
 */
class StatusCalculatorTest {

    private static final ParticipantRegistry REGISTRY = ParticipantRegistry.standard();
    private static final String TREATY = "TEST-2";
    private static final TreatyDefinition DEFINITION = new TreatyDefinition(
            TREATY,
            "TEST-2",
            "Test Treaty needing two instruments",
            date("2027-01-04"),
            new SignatureClause(date("2027-01-04"), date("2027-12-31")),
            new EntryIntoForceClause(2, 60, 15, false),
            new DenunciationClause(12));

    private final StatusCalculator calculator = new StatusCalculator(REGISTRY);
    private final List<TreatyEvent> history =
            new ArrayList<>(List.of(new TreatyRegisteredEvent(TREATY, "reg", DEFINITION)));

    @Test
    void participantThatSignedAndDepositedNothingIsASignatory() {
        record(signed("FRA", "2027-02-01"));

        StatusCalculator.Status status = statusOn("2027-02-01");

        assertThat(status.participant("FRA")).get().satisfies(fra -> {
            assertThat(fra.status()).isEqualTo(SIGNATORY);
            assertThat(fra.signedOn()).isEqualTo(date("2027-02-01"));
            assertThat(fra.instrument()).isNull();
            assertThat(fra.entryIntoForceOn()).isNull();
        });
        assertThat(status.treaty().signatories()).isEqualTo(1);
    }

    @Test
    void signatureAfterTheAsOfDateIsNotKnownYet() {
        record(signed("FRA", "2027-02-01"));

        StatusCalculator.Status status = statusOn("2027-01-31");

        assertThat(status.participant("FRA")).isEmpty();
        assertThat(status.treaty().signatories()).isZero();
    }

    @Test
    void participantWithAnInstrumentIsContractingWhileTheThresholdIsNotReached() {
        record(signed("FRA", "2027-02-01"), deposited("i-fra", "FRA", "2027-03-01"));

        StatusCalculator.Status status = statusOn("2027-12-31");

        assertThat(statusOf(status, "FRA")).isEqualTo(CONTRACTING);
        assertThat(status.participant("FRA").orElseThrow().entryIntoForceOn()).isNull();
        assertThat(status.treaty().instrumentsCounted()).isEqualTo(1);
        assertThat(status.treaty().entryIntoForceOn()).isNull();
        assertThat(status.treaty().inForce()).isFalse();
        assertThat(status.treaty().contracting()).isEqualTo(1);
    }

    @Test
    void participantsBoundByTheThresholdAreContractingUntilTheGeneralDateAndPartiesFromIt() {
        franceAndVietNamBound();

        StatusCalculator.Status dayBefore = statusOn("2027-05-08");
        StatusCalculator.Status generalDate = statusOn("2027-05-09");

        assertThat(statusOf(dayBefore, "FRA")).isEqualTo(CONTRACTING);
        assertThat(statusOf(dayBefore, "VNM")).isEqualTo(CONTRACTING);
        assertThat(dayBefore.treaty().inForce()).isFalse();
        assertThat(dayBefore.treaty().entryIntoForceOn()).isEqualTo(date("2027-05-09"));
        assertThat(statusOf(generalDate, "FRA")).isEqualTo(PARTY);
        assertThat(statusOf(generalDate, "VNM")).isEqualTo(PARTY);
        assertThat(generalDate.treaty().inForce()).isTrue();
        assertThat(generalDate.treaty().parties()).isEqualTo(2);
        assertThat(generalDate.treaty().thresholdReachedOn()).isEqualTo(date("2027-03-10"));
        assertThat(generalDate.treaty().thresholdParticipant()).isEqualTo("VNM");
    }

    @Test
    void laterInstrumentEntersIntoForceOnItsOwnDayAfterTheGeneralDate() {
        franceAndVietNamBound();
        record(signed("DEU", "2027-02-01"), deposited("i-deu", "DEU", "2027-06-01"));

        assertThat(statusOn("2027-06-15").participant("DEU").orElseThrow()).satisfies(deu -> {
            assertThat(deu.status()).isEqualTo(CONTRACTING);
            assertThat(deu.entryIntoForceOn()).isEqualTo(date("2027-06-16"));
        });
        assertThat(statusOf(statusOn("2027-06-16"), "DEU")).isEqualTo(PARTY);
    }

    @Test
    void laterInstrumentWhoseOwnDayFallsBeforeTheGeneralDateEntersIntoForceOnTheGeneralDate() {
        franceAndVietNamBound();
        record(signed("DEU", "2027-02-01"), deposited("i-deu", "DEU", "2027-04-01"));

        ParticipantView deu = statusOn("2027-05-09").participant("DEU").orElseThrow();

        assertThat(deu.entryIntoForceOn()).isEqualTo(date("2027-05-09"));
        assertThat(deu.status()).isEqualTo(PARTY);
    }

    @Test
    void partyIsWithdrawnFromTheDayItsDenunciationTakesEffect() {
        franceAndVietNamBound();
        record(denounced("d-fra", "FRA", "2027-06-15"));

        ParticipantView dayBefore = statusOn("2028-06-14").participant("FRA").orElseThrow();
        ParticipantView effective = statusOn("2028-06-15").participant("FRA").orElseThrow();

        assertThat(dayBefore.status()).isEqualTo(PARTY);
        assertThat(dayBefore.denunciationReceivedOn()).isEqualTo(date("2027-06-15"));
        assertThat(dayBefore.denunciationEffectiveOn()).isEqualTo(date("2028-06-15"));
        assertThat(effective.status()).isEqualTo(WITHDRAWN);
        assertThat(statusOn("2028-06-15").treaty().parties()).isEqualTo(1);
    }

    @Test
    void lateRecordedEarlierDepositBecomesTheThresholdInstrument() {
        record(
                signed("FRA", "2027-02-01"),
                signed("VNM", "2027-02-01"),
                signed("DEU", "2027-02-01"),
                deposited("i-fra", "FRA", "2027-03-10"),
                deposited("i-vnm", "VNM", "2027-03-20"));
        TreatyStatusView before = statusOn("2027-12-31").treaty();

        record(deposited("i-deu", "DEU", "2027-03-05"));
        StatusCalculator.Status after = statusOn("2027-12-31");

        assertThat(before.thresholdParticipant()).isEqualTo("VNM");
        assertThat(before.entryIntoForceOn()).isEqualTo(date("2027-05-19"));
        assertThat(after.treaty().thresholdParticipant()).isEqualTo("FRA");
        assertThat(after.treaty().thresholdReachedOn()).isEqualTo(date("2027-03-10"));
        assertThat(after.treaty().entryIntoForceOn()).isEqualTo(date("2027-05-09"));
        assertThat(after.participant("VNM").orElseThrow().entryIntoForceOn()).isEqualTo(date("2027-05-09"));
    }

    @Test
    void depositAfterTheAsOfDateIsNotCounted() {
        record(
                signed("FRA", "2027-02-01"),
                signed("VNM", "2027-02-01"),
                deposited("i-fra", "FRA", "2027-03-10"),
                deposited("i-vnm", "VNM", "2027-03-20"));

        StatusCalculator.Status status = statusOn("2027-03-19");

        assertThat(status.treaty().instrumentsDeposited()).isEqualTo(1);
        assertThat(status.treaty().instrumentsCounted()).isEqualTo(1);
        assertThat(status.treaty().thresholdReachedOn()).isNull();
        assertThat(status.participant("VNM").orElseThrow().status()).isEqualTo(SIGNATORY);
        assertThat(status.participant("VNM").orElseThrow().instrument()).isNull();
        assertThat(statusOn("2027-03-20").treaty().thresholdReachedOn()).isEqualTo(date("2027-03-20"));
    }

    @Test
    void retractedDepositIsNotCounted() {
        franceAndVietNamBound();
        record(new RecordRetractedEvent(TREATY, "x-1", "i-vnm", "Recorded in error", "VNM", date("2027-03-10")));

        StatusCalculator.Status status = statusOn("2027-12-31");

        assertThat(status.treaty().inForce()).isFalse();
        assertThat(status.treaty().instrumentsCounted()).isEqualTo(1);
        assertThat(statusOf(status, "VNM")).isEqualTo(SIGNATORY);
    }

    @Test
    void correctedDepositCountsOnItsCorrectedDate() {
        record(
                signed("FRA", "2027-02-01"),
                signed("VNM", "2027-02-01"),
                deposited("i-fra", "FRA", "2027-03-10"),
                deposited("i-vnm", "VNM", "2027-03-20"),
                new RecordCorrectedEvent(
                        TREATY, "c-1", "i-vnm", "Date misread", "VNM", date("2027-03-05"), RATIFICATION));

        StatusCalculator.Status status = statusOn("2027-12-31");

        assertThat(status.treaty().thresholdReachedOn()).isEqualTo(date("2027-03-10"));
        assertThat(status.treaty().entryIntoForceOn()).isEqualTo(date("2027-05-09"));
        assertThat(status.participant("VNM").orElseThrow().instrument().depositedOn())
                .isEqualTo(date("2027-03-05"));
    }

    @Test
    void reioInstrumentDoesNotCountTowardTheThreshold() {
        record(
                signed("FRA", "2027-02-01"),
                signed("EU", "2027-02-01"),
                deposited("i-fra", "FRA", "2027-03-01"),
                deposited("i-eu", "EU", APPROVAL, "2027-03-02", List.of("Competence: see annex")));

        StatusCalculator.Status status = statusOn("2027-12-31");

        assertThat(status.treaty().instrumentsDeposited()).isEqualTo(2);
        assertThat(status.treaty().instrumentsCounted()).isEqualTo(1);
        assertThat(status.treaty().inForce()).isFalse();
        assertThat(statusOf(status, "EU")).isEqualTo(CONTRACTING);
    }

    @Test
    void countedInstrumentsAreListedInTheOrderTheyCountWithoutTheReio() {
        record(
                signed("FRA", "2027-02-01"),
                signed("EU", "2027-02-01"),
                signed("DEU", "2027-02-01"),
                deposited("i-fra", "FRA", "2027-03-10"),
                deposited("i-eu", "EU", APPROVAL, "2027-03-12", List.of("Competence: see annex")));
        record(deposited("i-deu", "DEU", "2027-03-05")); // recorded late, counts first

        StatusCalculator.Status status = statusOn("2027-12-31");

        assertThat(status.counted())
                .extracting(EntryIntoForce.Instrument::participant, EntryIntoForce.Instrument::depositedOn)
                .containsExactly(tuple("DEU", date("2027-03-05")), tuple("FRA", date("2027-03-10")));
        assertThat(status.counted()).hasSize(status.treaty().instrumentsCounted());
        assertThat(status.treaty().instrumentsDeposited()).isEqualTo(3);
        assertThat(statusOn("2027-03-09").counted())
                .extracting(EntryIntoForce.Instrument::participant)
                .containsExactly("DEU");
    }

    @Test
    void withdrawnReservationIsNoLongerListedFromTheDateOfWithdrawal() {
        record(
                signed("FRA", "2027-02-01"),
                new InstrumentDepositedEvent(
                        TREATY,
                        "i-fra",
                        "FRA",
                        RATIFICATION,
                        date("2027-03-01"),
                        List.of(),
                        List.of("Not bound by article 63(2).")),
                new CommunicationReceivedEvent(
                        TREATY,
                        "w-fra",
                        "FRA",
                        CommunicationKind.WITHDRAWAL,
                        date("2027-08-01"),
                        "The reservation is withdrawn.",
                        "i-fra"));

        assertThat(statusOn("2027-07-31").participant("FRA").orElseThrow().reservations())
                .containsExactly("Not bound by article 63(2).");
        assertThat(statusOn("2027-08-01").participant("FRA").orElseThrow().reservations())
                .isEmpty();
    }

    @Test
    void withdrawingTheReservationsMadeUponDepositKeepsTheDeclarationsMadeWithThem() {
        record(
                signed("FRA", "2027-02-01"),
                new InstrumentDepositedEvent(
                        TREATY,
                        "i-fra",
                        "FRA",
                        RATIFICATION,
                        date("2027-03-01"),
                        List.of("Designated authority: the Ministry of Justice."),
                        List.of("Not bound by article 63(2).")),
                new CommunicationReceivedEvent(
                        TREATY,
                        "w-fra",
                        "FRA",
                        CommunicationKind.WITHDRAWAL,
                        date("2027-08-01"),
                        "The reservation is withdrawn.",
                        "i-fra"));

        var france = statusOn("2027-08-01").participant("FRA").orElseThrow();
        assertThat(france.reservations()).isEmpty();
        assertThat(france.declarations()).containsExactly("Designated authority: the Ministry of Justice.");
    }

    @Test
    void reioIsWithdrawnOnlyOnceAllItsMemberStatesHaveWithdrawn() {
        Set<String> members = new TreeSet<>(REGISTRY.membersOf("EU"));
        String lastToLeave = members.iterator().next();
        for (String member : members) {
            record(signed(member, "2027-02-01"), deposited("i-" + member, member, "2027-03-01"));
        }
        record(
                signed("EU", "2027-02-01"),
                deposited("i-eu", "EU", APPROVAL, "2027-03-02", List.of("Competence: see annex")));
        for (String member : members) {
            record(denounced("d-" + member, member, member.equals(lastToLeave) ? "2027-07-01" : "2027-06-01"));
        }

        StatusCalculator.Status oneMemberLeft = statusOn("2028-06-30");
        StatusCalculator.Status allWithdrawn = statusOn("2028-07-01");

        assertThat(members).hasSize(27);
        assertThat(statusOf(oneMemberLeft, lastToLeave)).isEqualTo(PARTY);
        assertThat(statusOf(oneMemberLeft, "EU")).isEqualTo(PARTY);
        assertThat(statusOf(allWithdrawn, "EU")).isEqualTo(WITHDRAWN);
    }

    // --- helpers ------------------------------------------------------------------------------

    /** FRA and VNM signed on 2027-02-01 and ratified on 2027-03-01 and 2027-03-10: in force 2027-05-09. */
    private void franceAndVietNamBound() {
        record(
                signed("FRA", "2027-02-01"),
                signed("VNM", "2027-02-01"),
                deposited("i-fra", "FRA", "2027-03-01"),
                deposited("i-vnm", "VNM", "2027-03-10"));
    }

    private void record(TreatyEvent... events) {
        history.addAll(List.of(events));
    }

    /** The status on a date of the history so far, which must itself obey the treaty's rules. */
    private StatusCalculator.Status statusOn(String asOf) {
        TreatyFacts facts = TreatyFacts.fold(history);
        assertThat(new TreatyRules(REGISTRY).violations(facts))
                .as("the test's history is lawful")
                .isEmpty();
        return calculator.asOf(facts.definition(), facts.actions(), date(asOf));
    }

    private static ParticipantStatus statusOf(StatusCalculator.Status status, String participant) {
        return status.participant(participant).orElseThrow().status();
    }

    private static ConventionSignedEvent signed(String participant, String on) {
        return new ConventionSignedEvent(TREATY, "s-" + participant, participant, date(on), "New York");
    }

    private static InstrumentDepositedEvent deposited(String recordId, String participant, String on) {
        return deposited(recordId, participant, RATIFICATION, on, List.of());
    }

    private static InstrumentDepositedEvent deposited(
            String recordId, String participant, InstrumentType type, String on, List<String> declarations) {
        return new InstrumentDepositedEvent(TREATY, recordId, participant, type, date(on), declarations, List.of());
    }

    private static DenunciationNotifiedEvent denounced(String recordId, String participant, String on) {
        return new DenunciationNotifiedEvent(TREATY, recordId, participant, date(on), date(on).plusYears(1));
    }

    private static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
