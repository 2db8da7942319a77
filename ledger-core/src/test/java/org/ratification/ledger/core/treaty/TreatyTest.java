package org.ratification.ledger.core.treaty;

import static org.ratification.ledger.core.api.CommunicationKind.DECLARATION;
import static org.ratification.ledger.core.api.CommunicationKind.OBJECTION;
import static org.ratification.ledger.core.api.CommunicationKind.RESERVATION;
import static org.ratification.ledger.core.api.CommunicationKind.WITHDRAWAL;
import static org.ratification.ledger.core.api.InstrumentType.ACCEPTANCE;
import static org.ratification.ledger.core.api.InstrumentType.ACCESSION;
import static org.ratification.ledger.core.api.InstrumentType.APPROVAL;
import static org.ratification.ledger.core.api.InstrumentType.RATIFICATION;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.CorrectRecordCommand;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.DepositInstrumentCommand;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.NotifyDenunciationCommand;
import org.ratification.ledger.core.api.RecordCommunicationCommand;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordCorrection;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.RegisterTreatyCommand;
import org.ratification.ledger.core.api.RetractRecordCommand;
import org.ratification.ledger.core.api.SignConventionCommand;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.rules.RejectedException;
import org.ratification.ledger.core.rules.TreatyLookup;

/**
 * The Treaty aggregate, one test per rule and outcome (DOMAIN.md rules 1-4, 6, 9 and depositary
 * practice). Most tests run under the Cybercrime Convention's final clauses; those that need the
 * treaty in force use a small treaty that needs two instruments.
 */
class TreatyTest {

    /** The aggregate id; each test registers one of the two definitions below under it. */
    private static final String TREATY = "treaty-under-test";

    /** The Convention against Cybercrime's final clauses (arts. 64-65, 67). */
    private static final TreatyDefinition CYBERCRIME = new TreatyDefinition(
            TREATY,
            "XVIII-16",
            "United Nations Convention against Cybercrime",
            date("2024-12-24"),
            new SignatureClause(date("2025-10-25"), date("2026-12-31")),
            new EntryIntoForceClause(40, 90, 30, false),
            new DenunciationClause(12));

    /**
     * A treaty that enters into force on the 60th day after the second instrument (15 days after a
     * later one), so denunciations and re-joining can be tested. With FRA and VNM bound it enters
     * into force on 2027-05-09.
     */
    private static final TreatyDefinition TWO_INSTRUMENTS = new TreatyDefinition(
            TREATY,
            "TEST-2",
            "Test Treaty needing two instruments",
            date("2027-01-04"),
            new SignatureClause(date("2027-01-04"), date("2027-12-31")),
            new EntryIntoForceClause(2, 60, 15, false),
            new DenunciationClause(12));

    /** The recording instant of the Cybercrime tests: every legal date on or before 2026-11-01 is past. */
    private static final Map<String, Object> RECORDED = recordedAt("2026-11-01T10:00:00Z");

    /** The recording instant of the two-instrument treaty's tests. */
    private static final Map<String, Object> RECORDED_LATER = recordedAt("2029-06-01T09:00:00Z");

    /** None of these treaties is a protocol, so no other treaty's facts are ever needed. */
    private static final TreatyLookup NO_OTHER_TREATIES = treatyId -> Optional.empty();

    private FixtureConfiguration<Treaty> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Treaty.class);
        fixture.registerInjectableResource(NO_OTHER_TREATIES);
    }

    // --- registration -------------------------------------------------------------------------

    @Test
    void registeringAValidTreatyRecordsItsDefinition() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTreatyCommand(TREATY, "reg", CYBERCRIME), RECORDED)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TreatyRegisteredEvent(TREATY, "reg", CYBERCRIME));
    }

    @Test
    void registeringATreatyThatNeedsNoInstrumentIsRefused() {
        TreatyDefinition noInstruments = new TreatyDefinition(
                TREATY,
                "XVIII-16",
                "Convention",
                date("2024-12-24"),
                CYBERCRIME.signature(),
                new EntryIntoForceClause(0, 90, 30, false),
                CYBERCRIME.denunciation());

        fixture.givenNoPriorActivity()
                .when(new RegisterTreatyCommand(TREATY, "reg", noInstruments), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("INVALID_TREATY_DEFINITION"))
                .expectNoEvents();
    }

    @Test
    void registeringATreatyWhoseSignaturePeriodClosesBeforeItOpensIsRefused() {
        TreatyDefinition backwards = new TreatyDefinition(
                TREATY,
                "XVIII-16",
                "Convention",
                date("2024-12-24"),
                new SignatureClause(date("2026-12-31"), date("2025-10-25")),
                CYBERCRIME.entryIntoForce(),
                CYBERCRIME.denunciation());

        fixture.givenNoPriorActivity()
                .when(new RegisterTreatyCommand(TREATY, "reg", backwards), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("INVALID_TREATY_DEFINITION"))
                .expectNoEvents();
    }

    @Test
    void registeringADefinitionUnderAnotherTreatysIdIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTreatyCommand("another-treaty", "reg", CYBERCRIME), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("INVALID_TREATY_DEFINITION"))
                .expectNoEvents();
    }

    // --- signature (rule 1) -------------------------------------------------------------------

    @Test
    void signatureOnTheFirstDayOfThePeriodIsRecorded() {
        fixture.given(registered(CYBERCRIME))
                .when(sign("s-vnm", "VNM", "2025-10-25", "Hanoi"), RECORDED)
                .expectEvents(signed("s-vnm", "VNM", "2025-10-25", "Hanoi"));
    }

    @Test
    void signatureOnTheLastDayOfThePeriodIsRecorded() {
        fixture.given(registered(CYBERCRIME))
                .when(sign("s-fra", "FRA", "2026-12-31", "New York"), recordedAt("2027-01-04T09:00:00Z"))
                .expectEvents(signed("s-fra", "FRA", "2026-12-31", "New York"));
    }

    @Test
    void signatureAfterThePeriodClosedIsRefused() {
        fixture.given(registered(CYBERCRIME))
                .when(sign("s-fra", "FRA", "2027-01-01", "New York"), recordedAt("2027-01-04T09:00:00Z"))
                .expectException(RejectedException.class)
                .expectException(rejectionCode("SIGNATURE_PERIOD_CLOSED"))
                .expectNoEvents();
    }

    @Test
    void signatureBeforeThePeriodOpenedIsRefused() {
        fixture.given(registered(CYBERCRIME))
                .when(sign("s-fra", "FRA", "2025-10-24", "Hanoi"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("SIGNATURE_PERIOD_NOT_OPEN"))
                .expectNoEvents();
    }

    @Test
    void secondSignatureByTheSameParticipantIsRefused() {
        fixture.given(registered(CYBERCRIME), signed("s-fra", "FRA", "2025-10-25", "Hanoi"))
                .when(sign("s-fra-2", "FRA", "2026-02-01", "New York"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("ALREADY_SIGNED"))
                .expectNoEvents();
    }

    @Test
    void signatureByAnUnknownParticipantIsRefused() {
        fixture.given(registered(CYBERCRIME))
                .when(sign("s-xxx", "XXX", "2025-10-25", "Hanoi"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("UNKNOWN_PARTICIPANT"))
                .expectNoEvents();
    }

    @Test
    void reioSignatureBeforeAnyMemberStateSignedIsRefused() {
        fixture.given(registered(CYBERCRIME))
                .when(sign("s-eu", "EU", "2025-10-25", "Hanoi"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("REIO_MEMBER_NOT_SIGNED"))
                .expectNoEvents();
    }

    @Test
    void reioSignatureIsRefusedWhenOnlyANonMemberSigned() {
        fixture.given(registered(CYBERCRIME), signed("s-vnm", "VNM", "2025-10-25", "Hanoi"))
                .when(sign("s-eu", "EU", "2025-10-25", "Hanoi"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("REIO_MEMBER_NOT_SIGNED"))
                .expectNoEvents();
    }

    @Test
    void reioSignatureDatedBeforeItsMemberStatesSignatureIsRefused() {
        fixture.given(registered(CYBERCRIME), signed("s-fra", "FRA", "2026-01-15", "New York"))
                .when(sign("s-eu", "EU", "2025-10-25", "Hanoi"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("REIO_MEMBER_NOT_SIGNED"))
                .expectNoEvents();
    }

    @Test
    void reioSignatureAfterAMemberStateSignedIsRecorded() {
        fixture.given(registered(CYBERCRIME), signed("s-fra", "FRA", "2025-10-25", "Hanoi"))
                .when(sign("s-eu", "EU", "2025-10-25", "Hanoi"), RECORDED)
                .expectEvents(signed("s-eu", "EU", "2025-10-25", "Hanoi"));
    }

    // --- ratification, acceptance, approval (rule 2) ------------------------------------------

    @Test
    void ratificationWithoutSignatureIsRefused() {
        fixture.given(registered(CYBERCRIME))
                .when(deposit("i-fra", "FRA", RATIFICATION, "2026-05-01"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("NOT_SIGNED"))
                .expectNoEvents();
    }

    @Test
    void ratificationByASignatoryIsRecorded() {
        fixture.given(registered(CYBERCRIME), signed("s-fra", "FRA", "2025-10-25", "Hanoi"))
                .when(deposit("i-fra", "FRA", RATIFICATION, "2026-05-01"), RECORDED)
                .expectEvents(deposited("i-fra", "FRA", RATIFICATION, "2026-05-01"));
    }

    @Test
    void acceptanceOnTheDayOfSignatureIsRecorded() {
        fixture.given(registered(CYBERCRIME), signed("s-fra", "FRA", "2026-03-01", "New York"))
                .when(deposit("i-fra", "FRA", ACCEPTANCE, "2026-03-01"), RECORDED)
                .expectEvents(deposited("i-fra", "FRA", ACCEPTANCE, "2026-03-01"));
    }

    @Test
    void ratificationDatedBeforeTheParticipantsSignatureIsRefused() {
        fixture.given(registered(CYBERCRIME), signed("s-fra", "FRA", "2026-03-01", "New York"))
                .when(deposit("i-fra", "FRA", RATIFICATION, "2026-02-28"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("NOT_SIGNED"))
                .expectNoEvents();
    }

    @Test
    void approvalIsRefusedWhenOnlyAnotherParticipantSigned() {
        fixture.given(registered(CYBERCRIME), signed("s-deu", "DEU", "2025-10-25", "Hanoi"))
                .when(deposit("i-fra", "FRA", APPROVAL, "2026-05-01"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("NOT_SIGNED"))
                .expectNoEvents();
    }

    // --- accession (rule 3) -------------------------------------------------------------------

    @Test
    void accessionByASignatoryIsRefused() {
        fixture.given(registered(CYBERCRIME), signed("s-fra", "FRA", "2025-10-25", "Hanoi"))
                .when(deposit("i-fra", "FRA", ACCESSION, "2026-05-01"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("SIGNATORY_MUST_RATIFY"))
                .expectNoEvents();
    }

    @Test
    void accessionByAParticipantThatDidNotSignIsRecorded() {
        fixture.given(registered(CYBERCRIME))
                .when(deposit("i-fra", "FRA", ACCESSION, "2026-05-01"), RECORDED)
                .expectEvents(deposited("i-fra", "FRA", ACCESSION, "2026-05-01"));
    }

    @Test
    void signatureAfterTheParticipantAccededIsRefused() {
        fixture.given(registered(CYBERCRIME), deposited("i-fra", "FRA", ACCESSION, "2026-05-01"))
                .when(sign("s-fra", "FRA", "2026-06-01", "New York"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("SIGNATURE_AFTER_ACCESSION"))
                .expectNoEvents();
    }

    // --- one instrument per participant (rule 4) ----------------------------------------------

    @Test
    void secondInstrumentByTheSameParticipantIsRefused() {
        fixture.given(
                        registered(CYBERCRIME),
                        signed("s-fra", "FRA", "2025-10-25", "Hanoi"),
                        deposited("i-fra", "FRA", RATIFICATION, "2026-05-01"))
                .when(deposit("i-fra-2", "FRA", ACCEPTANCE, "2026-06-01"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("ALREADY_DEPOSITED"))
                .expectNoEvents();
    }

    @Test
    void instrumentAfterTheParticipantsDenunciationTookEffectIsRecorded() {
        fixture.given(twoInstrumentTreatyInForce(denounced("d-fra", "FRA", "2027-06-15", "2028-06-15")))
                .when(deposit("i-fra-2", "FRA", RATIFICATION, "2028-06-15"), RECORDED_LATER)
                .expectEvents(deposited("i-fra-2", "FRA", RATIFICATION, "2028-06-15"));
    }

    @Test
    void instrumentBeforeTheParticipantsDenunciationTakesEffectIsRefused() {
        fixture.given(twoInstrumentTreatyInForce(denounced("d-fra", "FRA", "2027-06-15", "2028-06-15")))
                .when(deposit("i-fra-2", "FRA", RATIFICATION, "2028-06-14"), RECORDED_LATER)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("ALREADY_DEPOSITED"))
                .expectNoEvents();
    }

    // --- REIO instruments (rules 2 and 3) -----------------------------------------------------

    @Test
    void reioInstrumentBeforeAnyMemberStateDepositedIsRefused() {
        fixture.given(
                        registered(CYBERCRIME),
                        signed("s-fra", "FRA", "2025-10-25", "Hanoi"),
                        signed("s-eu", "EU", "2025-10-25", "Hanoi"))
                .when(
                        deposit("i-eu", "EU", APPROVAL, "2026-05-01", List.of("Competence: see annex"), List.of()),
                        RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("REIO_MEMBER_NOT_BOUND"))
                .expectNoEvents();
    }

    @Test
    void reioInstrumentWithoutDeclarationOfCompetenceIsRefused() {
        fixture.given(
                        registered(CYBERCRIME),
                        signed("s-fra", "FRA", "2025-10-25", "Hanoi"),
                        signed("s-eu", "EU", "2025-10-25", "Hanoi"),
                        deposited("i-fra", "FRA", RATIFICATION, "2026-03-01"))
                .when(deposit("i-eu", "EU", APPROVAL, "2026-05-01"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("REIO_COMPETENCE_NOT_DECLARED"))
                .expectNoEvents();
    }

    @Test
    void reioInstrumentAfterAMemberStateWithDeclarationOfCompetenceIsRecorded() {
        List<String> competence = List.of("Competence: see annex");
        fixture.given(
                        registered(CYBERCRIME),
                        signed("s-fra", "FRA", "2025-10-25", "Hanoi"),
                        signed("s-eu", "EU", "2025-10-25", "Hanoi"),
                        deposited("i-fra", "FRA", RATIFICATION, "2026-03-01"))
                .when(deposit("i-eu", "EU", APPROVAL, "2026-05-01", competence, List.of()), RECORDED)
                .expectEvents(new InstrumentDepositedEvent(
                        TREATY, "i-eu", "EU", APPROVAL, date("2026-05-01"), competence, List.of()));
    }

    // --- legal dates (depositary practice) ----------------------------------------------------

    @Test
    void depositDatedAfterTheDayOfRecordingIsRefused() {
        fixture.given(registered(CYBERCRIME), signed("s-fra", "FRA", "2025-10-25", "Hanoi"))
                .when(deposit("i-fra", "FRA", RATIFICATION, "2026-11-03"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("DATE_IN_FUTURE"))
                .expectNoEvents();
    }

    @Test
    void aDateThatHasBegunSomewhereOnEarthIsNotInTheFuture() {
        // 23:30 UTC on 24 October is already 25 October in Hanoi (UTC+7): the ceremony is recorded live
        fixture.given(registered(CYBERCRIME))
                .when(sign("s-vnm", "VNM", "2025-10-25", "Hanoi"), recordedAt("2025-10-24T23:30:00Z"))
                .expectEvents(signed("s-vnm", "VNM", "2025-10-25", "Hanoi"));
    }

    @Test
    void aDateThatHasBegunNowhereOnEarthIsInTheFuture() {
        fixture.given(registered(CYBERCRIME))
                .when(sign("s-vnm", "VNM", "2025-10-26", "Hanoi"), recordedAt("2025-10-25T09:59:00Z"))
                .expectException(rejectionCode("DATE_IN_FUTURE"))
                .expectNoEvents();
    }

    @Test
    void signatureDatedOnTheDayOfRecordingIsRecorded() {
        fixture.given(registered(CYBERCRIME))
                .when(sign("s-fra", "FRA", "2026-11-01", "New York"), recordedAt("2026-11-01T00:00:00Z"))
                .expectEvents(signed("s-fra", "FRA", "2026-11-01", "New York"));
    }

    @Test
    void commandWithoutRecordingTimeIsRefused() {
        fixture.given(registered(CYBERCRIME))
                .when(sign("s-fra", "FRA", "2025-10-25", "Hanoi"))
                .expectException(RejectedException.class)
                .expectException(rejectionCode("MISSING_RECORDING_TIME"))
                .expectNoEvents();
    }

    @Test
    void reusedRecordIdIsRefused() {
        fixture.given(registered(CYBERCRIME), signed("s-1", "FRA", "2025-10-25", "Hanoi"))
                .when(sign("s-1", "DEU", "2025-10-25", "Hanoi"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("DUPLICATE_RECORD_ID"))
                .expectNoEvents();
    }

    // --- denunciation (rule 6) ----------------------------------------------------------------

    @Test
    void denunciationByASignatoryThatDepositedNoInstrumentIsRefused() {
        fixture.given(twoInstrumentTreatyInForce(signed("s-deu", "DEU", "2027-02-01", null)))
                .when(denounce("d-deu", "DEU", "2027-06-15"), RECORDED_LATER)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("NOT_A_PARTY"))
                .expectNoEvents();
    }

    @Test
    void denunciationBeforeTheTreatyEntersIntoForceForTheParticipantIsRefused() {
        fixture.given(twoInstrumentTreatyInForce())
                .when(denounce("d-fra", "FRA", "2027-05-08"), RECORDED_LATER)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("NOT_A_PARTY"))
                .expectNoEvents();
    }

    @Test
    void denunciationOnTheDayOfEntryIntoForceIsRecorded() {
        fixture.given(twoInstrumentTreatyInForce())
                .when(denounce("d-fra", "FRA", "2027-05-09"), RECORDED_LATER)
                .expectEvents(denounced("d-fra", "FRA", "2027-05-09", "2028-05-09"));
    }

    @Test
    void denunciationTakesEffectOneYearAfterReceipt() {
        fixture.given(twoInstrumentTreatyInForce())
                .when(denounce("d-fra", "FRA", "2027-06-15"), RECORDED_LATER)
                .expectEvents(denounced("d-fra", "FRA", "2027-06-15", "2028-06-15"));
    }

    @Test
    void denunciationReceivedOn29FebruaryTakesEffectOn28FebruaryOfTheNextYear() {
        fixture.given(twoInstrumentTreatyInForce())
                .when(denounce("d-vnm", "VNM", "2028-02-29"), RECORDED_LATER)
                .expectEvents(denounced("d-vnm", "VNM", "2028-02-29", "2029-02-28"));
    }

    @Test
    void secondDenunciationIsRefused() {
        fixture.given(twoInstrumentTreatyInForce(denounced("d-fra", "FRA", "2027-06-15", "2028-06-15")))
                .when(denounce("d-fra-2", "FRA", "2027-09-01"), RECORDED_LATER)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("ALREADY_DENOUNCED"))
                .expectNoEvents();
    }

    // --- corrections and retractions (depositary practice) ------------------------------------

    @Test
    void correctionMovingADepositBeforeItsSignatureIsRefused() {
        fixture.given(ratifiedByFrance())
                .when(correct("c-1", "i-fra", new RecordCorrection(null, date("2026-02-01"), null)), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("NOT_SIGNED"))
                .expectNoEvents();
    }

    @Test
    void correctionOfADateRecordsTheCorrectedRecordsFullResultingValues() {
        fixture.given(ratifiedByFrance())
                .when(correct("c-1", "i-fra", new RecordCorrection(null, date("2026-04-01"), null)), RECORDED)
                .expectEvents(new RecordCorrectedEvent(
                        TREATY, "c-1", "i-fra", "Date misread", "FRA", date("2026-04-01"), RATIFICATION));
    }

    @Test
    void correctionOfAnInstrumentTypeRecordsTheCorrectedRecordsFullResultingValues() {
        fixture.given(ratifiedByFrance())
                .when(correct("c-1", "i-fra", new RecordCorrection(null, null, ACCEPTANCE)), RECORDED)
                .expectEvents(new RecordCorrectedEvent(
                        TREATY, "c-1", "i-fra", "Date misread", "FRA", date("2026-05-01"), ACCEPTANCE));
    }

    @Test
    void correctionMovingASignatureThatARatificationDependsOnToAnotherParticipantIsRefused() {
        fixture.given(ratifiedByFrance())
                .when(correct("c-1", "s-fra", new RecordCorrection("DEU", null, null)), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("NOT_SIGNED"))
                .expectNoEvents();
    }

    @Test
    void correctionThatChangesNothingIsRefused() {
        fixture.given(ratifiedByFrance())
                .when(correct("c-1", "i-fra", new RecordCorrection("FRA", date("2026-05-01"), RATIFICATION)), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("CORRECTION_CHANGES_NOTHING"))
                .expectNoEvents();
    }

    @Test
    void correctionOfAnUnknownRecordIsRefused() {
        fixture.given(ratifiedByFrance())
                .when(correct("c-1", "no-such-record", new RecordCorrection(null, date("2026-04-01"), null)), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("UNKNOWN_RECORD"))
                .expectNoEvents();
    }

    @Test
    void retractionOfARecordMadeInErrorRecordsItsParticipantAndDate() {
        fixture.given(ratifiedByFrance())
                .when(new RetractRecordCommand(TREATY, "x-1", "i-fra", "Recorded under the wrong treaty"), RECORDED)
                .expectEvents(new RecordRetractedEvent(
                        TREATY, "x-1", "i-fra", "Recorded under the wrong treaty", "FRA", date("2026-05-01")));
    }

    @Test
    void retractingARecordTwiceIsRefused() {
        fixture.given(append(
                        ratifiedByFrance(),
                        new RecordRetractedEvent(TREATY, "x-1", "i-fra", "Wrong treaty", "FRA", date("2026-05-01"))))
                .when(new RetractRecordCommand(TREATY, "x-2", "i-fra", "Wrong treaty"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("RECORD_RETRACTED"))
                .expectNoEvents();
    }

    @Test
    void retractingASignatureThatARatificationDependsOnIsRefused() {
        fixture.given(ratifiedByFrance())
                .when(new RetractRecordCommand(TREATY, "x-1", "s-fra", "Recorded in error"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("NOT_SIGNED"))
                .expectNoEvents();
    }

    // --- reservations, declarations, objections, withdrawals (rule 9) --------------------------

    @Test
    void objectionToAnotherParticipantsReservationIsRecorded() {
        fixture.given(reservationsAndDeclarations())
                .when(communicate("o-deu", "DEU", OBJECTION, "2026-07-01", "i-fra"), RECORDED)
                .expectEvents(received("o-deu", "DEU", OBJECTION, "2026-07-01", "i-fra"));
    }

    @Test
    void objectionToAReservationCommunicatedSeparatelyIsRecorded() {
        fixture.given(reservationsAndDeclarations())
                .when(communicate("o-fra", "FRA", OBJECTION, "2026-07-01", "r-vnm"), RECORDED)
                .expectEvents(received("o-fra", "FRA", OBJECTION, "2026-07-01", "r-vnm"));
    }

    @Test
    void objectionToTheParticipantsOwnReservationIsRefused() {
        fixture.given(reservationsAndDeclarations())
                .when(communicate("o-fra", "FRA", OBJECTION, "2026-07-01", "i-fra"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("OBJECTION_TARGET_INVALID"))
                .expectNoEvents();
    }

    @Test
    void objectionToADeclarationIsRefused() {
        fixture.given(reservationsAndDeclarations())
                .when(communicate("o-fra", "FRA", OBJECTION, "2026-07-01", "d-vnm"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("OBJECTION_TARGET_INVALID"))
                .expectNoEvents();
    }

    @Test
    void objectionDatedBeforeTheReservationIsRefused() {
        fixture.given(reservationsAndDeclarations())
                .when(communicate("o-deu", "DEU", OBJECTION, "2026-04-30", "i-fra"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("OBJECTION_TARGET_INVALID"))
                .expectNoEvents();
    }

    @Test
    void withdrawalOfTheParticipantsOwnReservationIsRecorded() {
        fixture.given(reservationsAndDeclarations())
                .when(communicate("w-fra", "FRA", WITHDRAWAL, "2026-07-01", "i-fra"), RECORDED)
                .expectEvents(received("w-fra", "FRA", WITHDRAWAL, "2026-07-01", "i-fra"));
    }

    @Test
    void withdrawalOfAnotherParticipantsReservationIsRefused() {
        fixture.given(reservationsAndDeclarations())
                .when(communicate("w-deu", "DEU", WITHDRAWAL, "2026-07-01", "i-fra"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("WITHDRAWAL_TARGET_INVALID"))
                .expectNoEvents();
    }

    @Test
    void objectionToAWithdrawnReservationIsRefused() {
        fixture.given(append(
                        reservationsAndDeclarations(), received("w-fra", "FRA", WITHDRAWAL, "2026-06-15", "i-fra")))
                .when(communicate("o-deu", "DEU", OBJECTION, "2026-07-01", "i-fra"), RECORDED)
                .expectException(RejectedException.class)
                .expectException(rejectionCode("OBJECTION_TARGET_INVALID"))
                .expectNoEvents();
    }

    // --- histories ----------------------------------------------------------------------------

    /** FRA signed on 2026-03-01 (s-fra) and ratified on 2026-05-01 (i-fra). */
    private static List<Object> ratifiedByFrance() {
        return List.of(
                registered(CYBERCRIME),
                signed("s-fra", "FRA", "2026-03-01", "New York"),
                deposited("i-fra", "FRA", RATIFICATION, "2026-05-01"));
    }

    /**
     * FRA ratified with a reservation on 2026-05-01 (i-fra); VNM communicated a declaration (d-vnm)
     * and a reservation (r-vnm) on 2026-06-01; DEU only signed.
     */
    private static List<Object> reservationsAndDeclarations() {
        return List.of(
                registered(CYBERCRIME),
                signed("s-fra", "FRA", "2025-10-25", "Hanoi"),
                signed("s-vnm", "VNM", "2025-10-25", "Hanoi"),
                signed("s-deu", "DEU", "2025-10-25", "Hanoi"),
                new InstrumentDepositedEvent(
                        TREATY,
                        "i-fra",
                        "FRA",
                        RATIFICATION,
                        date("2026-05-01"),
                        List.of(),
                        List.of("France does not consider itself bound by article 63(2).")),
                new CommunicationReceivedEvent(
                        TREATY,
                        "d-vnm",
                        "VNM",
                        DECLARATION,
                        date("2026-06-01"),
                        "Designated authority: Ministry of Public Security.",
                        null),
                new CommunicationReceivedEvent(
                        TREATY,
                        "r-vnm",
                        "VNM",
                        RESERVATION,
                        date("2026-06-01"),
                        "Viet Nam does not consider itself bound by article 63(2).",
                        null));
    }

    /**
     * The two-instrument treaty: FRA and VNM signed on 2027-02-01, FRA ratified on 2027-03-01, VNM on
     * 2027-03-10 (the threshold), so it entered into force for both on 2027-05-09.
     */
    private static List<Object> twoInstrumentTreatyInForce(Object... then) {
        return append(
                List.of(
                        registered(TWO_INSTRUMENTS),
                        signed("s-fra", "FRA", "2027-02-01", null),
                        signed("s-vnm", "VNM", "2027-02-01", null),
                        deposited("i-fra", "FRA", RATIFICATION, "2027-03-01"),
                        deposited("i-vnm", "VNM", RATIFICATION, "2027-03-10")),
                then);
    }

    private static List<Object> append(List<Object> history, Object... then) {
        List<Object> all = new java.util.ArrayList<>(history);
        all.addAll(List.of(then));
        return all;
    }

    // --- messages -----------------------------------------------------------------------------

    private static TreatyRegisteredEvent registered(TreatyDefinition definition) {
        return new TreatyRegisteredEvent(TREATY, "reg", definition);
    }

    private static SignConventionCommand sign(String recordId, String participant, String on, String place) {
        return new SignConventionCommand(TREATY, recordId, participant, date(on), place);
    }

    private static ConventionSignedEvent signed(String recordId, String participant, String on, String place) {
        return new ConventionSignedEvent(TREATY, recordId, participant, date(on), place);
    }

    private static DepositInstrumentCommand deposit(
            String recordId, String participant, InstrumentType type, String on) {
        return deposit(recordId, participant, type, on, List.of(), List.of());
    }

    private static DepositInstrumentCommand deposit(
            String recordId,
            String participant,
            InstrumentType type,
            String on,
            List<String> declarations,
            List<String> reservations) {
        return new DepositInstrumentCommand(TREATY, recordId, participant, type, date(on), declarations, reservations);
    }

    private static InstrumentDepositedEvent deposited(
            String recordId, String participant, InstrumentType type, String on) {
        return new InstrumentDepositedEvent(TREATY, recordId, participant, type, date(on), List.of(), List.of());
    }

    private static NotifyDenunciationCommand denounce(String recordId, String participant, String on) {
        return new NotifyDenunciationCommand(TREATY, recordId, participant, date(on));
    }

    private static DenunciationNotifiedEvent denounced(
            String recordId, String participant, String receivedOn, String effectiveOn) {
        return new DenunciationNotifiedEvent(TREATY, recordId, participant, date(receivedOn), date(effectiveOn));
    }

    private static CorrectRecordCommand correct(String recordId, String corrects, RecordCorrection correction) {
        return new CorrectRecordCommand(TREATY, recordId, corrects, "Date misread", correction);
    }

    private static RecordCommunicationCommand communicate(
            String recordId, String participant, CommunicationKind kind, String on, String refersTo) {
        return new RecordCommunicationCommand(TREATY, recordId, participant, kind, date(on), text(kind), refersTo);
    }

    private static CommunicationReceivedEvent received(
            String recordId, String participant, CommunicationKind kind, String on, String refersTo) {
        return new CommunicationReceivedEvent(TREATY, recordId, participant, kind, date(on), text(kind), refersTo);
    }

    private static String text(CommunicationKind kind) {
        return kind == OBJECTION ? "The Government objects to the reservation." : "The reservation is withdrawn.";
    }

    private static Map<String, Object> recordedAt(String instant) {
        return Map.of(RecordingMetadata.RECORDED_AT, instant);
    }

    private static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    /** Matches a {@link RejectedException} whose rejection carries {@code code}. */
    private static Matcher<RejectedException> rejectionCode(String code) {
        return new TypeSafeMatcher<>(RejectedException.class) {
            @Override
            protected boolean matchesSafely(RejectedException exception) {
                return code.equals(exception.rejection().code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(RejectedException exception, Description description) {
                description.appendText("was rejected with ").appendValue(exception.getMessage());
            }
        };
    }
}
