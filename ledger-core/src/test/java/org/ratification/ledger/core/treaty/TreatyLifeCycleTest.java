package org.ratification.ledger.core.treaty;

import static org.hamcrest.Matchers.hasProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.AdoptAmendmentCommand;
import org.ratification.ledger.core.api.AdoptionMethod;
import org.ratification.ledger.core.api.AmendmentAdoptedEvent;
import org.ratification.ledger.core.api.AmendmentClause;
import org.ratification.ledger.core.api.AmendmentInstrumentDepositedEvent;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.DepositAmendmentInstrumentCommand;
import org.ratification.ledger.core.api.DepositInstrumentCommand;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.RecordCommunicationCommand;
import org.ratification.ledger.core.api.RegisterTreatyCommand;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.rules.RejectedException;
import org.ratification.ledger.core.rules.TreatyFacts;
import org.ratification.ledger.core.rules.TreatyLookup;

/** Protocols, succession, territorial application and amendments (DOMAIN.md rules 7-9): one test per outcome. */
class TreatyLifeCycleTest {

    private static final Map<String, Object> RECORDED = Map.of("recordedAt", "2026-11-01T10:00:00Z");

    private static final TreatyDefinition PARENT = new TreatyDefinition(
            "parent",
            "XVIII-16",
            "Convention",
            date("2024-12-24"),
            new SignatureClause(date("2025-10-25"), date("2026-12-31")),
            new EntryIntoForceClause(40, 90, 30, false),
            new DenunciationClause(12));

    private static final TreatyDefinition PROTOCOL = new TreatyDefinition(
            "protocol",
            "XVIII-16-a",
            "Protocol",
            date("2025-01-01"),
            new SignatureClause(date("2025-10-25"), date("2026-12-31")),
            new EntryIntoForceClause(40, 90, 30, false),
            new DenunciationClause(12, true),
            "parent",
            null,
            null);

    /** Adopted in 2015, in force on 2015-05-30 once France ratified; amendments five years later. */
    private static final TreatyDefinition AMENDABLE = new TreatyDefinition(
            "amendable",
            "A-1",
            "Amendable convention",
            date("2015-01-01"),
            new SignatureClause(date("2015-01-02"), date("2016-12-31")),
            new EntryIntoForceClause(1, 90, 30, false),
            new DenunciationClause(12),
            null,
            new AmendmentClause(5, 90),
            null);

    private FixtureConfiguration<Treaty> fixture(TreatyLookup lookup) {
        FixtureConfiguration<Treaty> fixture = new AggregateTestFixture<>(Treaty.class);
        fixture.registerInjectableResource(lookup);
        return fixture;
    }

    private static final TreatyLookup NONE = id -> Optional.empty();

    /** The parent treaty, France having signed and (if {@code ratified}) ratified it on 2025-11-01. */
    private static TreatyLookup parentWithFrance(boolean ratified) {
        List<Object> events = ratified
                ? List.of(
                        new TreatyRegisteredEvent("parent", "p0", PARENT),
                        new ConventionSignedEvent("parent", "p1", "FRA", date("2025-10-25"), null),
                        new InstrumentDepositedEvent(
                                "parent",
                                "p2",
                                "FRA",
                                InstrumentType.RATIFICATION,
                                date("2025-11-01"),
                                List.of(),
                                List.of()))
                : List.of(
                        new TreatyRegisteredEvent("parent", "p0", PARENT),
                        new ConventionSignedEvent("parent", "p1", "FRA", date("2025-10-25"), null));
        TreatyFacts facts = TreatyFacts.fold(events.stream()
                .map(org.ratification.ledger.core.api.TreatyEvent.class::cast)
                .toList());
        return id -> "parent".equals(id) ? Optional.of(facts) : Optional.empty();
    }

    @Test
    void aProtocolOfAnUnregisteredTreatyIsRefused() {
        fixture(NONE)
                .givenNoPriorActivity()
                .when(new RegisterTreatyCommand("protocol", "r0", PROTOCOL), RECORDED)
                .expectException(code("UNKNOWN_PARENT"))
                .expectNoEvents();
    }

    @Test
    void aProtocolOfARegisteredTreatyIsRegistered() {
        fixture(parentWithFrance(false))
                .givenNoPriorActivity()
                .when(new RegisterTreatyCommand("protocol", "r0", PROTOCOL), RECORDED)
                .expectEvents(new TreatyRegisteredEvent("protocol", "r0", PROTOCOL));
    }

    @Test
    void aDepositForAProtocolByAParticipantNotBoundByTheParentIsRefused() {
        fixture(parentWithFrance(false))
                .given(protocolSignedByFrance())
                .when(ratifyProtocol("2025-11-01"), RECORDED)
                .expectException(code("NOT_PARTY_TO_PARENT"))
                .expectNoEvents();
    }

    @Test
    void aDepositForAProtocolOnTheDayOfTheParentsDepositIsRecorded() {
        fixture(parentWithFrance(true))
                .given(protocolSignedByFrance())
                .when(ratifyProtocol("2025-11-01"), RECORDED)
                .expectEvents(new InstrumentDepositedEvent(
                        "protocol",
                        "i1",
                        "FRA",
                        InstrumentType.RATIFICATION,
                        date("2025-11-01"),
                        List.of(),
                        List.of()));
    }

    @Test
    void aDepositForAProtocolBeforeThePartysDepositForTheParentIsRefused() {
        fixture(parentWithFrance(true))
                .given(protocolSignedByFrance())
                .when(ratifyProtocol("2025-10-31"), RECORDED)
                .expectException(code("NOT_PARTY_TO_PARENT"));
    }

    @Test
    void aSuccessionNamesItsPredecessorAndTheDateItIsBoundFrom() {
        fixture(NONE)
                .given(new TreatyRegisteredEvent("parent", "p0", PARENT))
                .when(succession("Sudan", "2026-03-01"), RECORDED)
                .expectEvents(new InstrumentDepositedEvent(
                        "parent",
                        "i1",
                        "SSD",
                        InstrumentType.SUCCESSION,
                        date("2026-06-01"),
                        List.of(),
                        List.of(),
                        "Sudan",
                        date("2026-03-01")));
    }

    @Test
    void aSuccessionWithoutPredecessorIsRefused() {
        fixture(NONE)
                .given(new TreatyRegisteredEvent("parent", "p0", PARENT))
                .when(succession(null, "2026-03-01"), RECORDED)
                .expectException(code("MISSING_FIELD"))
                .expectNoEvents();
    }

    @Test
    void aSuccessionBoundFromALaterDateThanItsNotificationIsRefused() {
        fixture(NONE)
                .given(new TreatyRegisteredEvent("parent", "p0", PARENT))
                .when(succession("Sudan", "2026-07-01"), RECORDED)
                .expectException(code("BOUND_FROM_AFTER_NOTIFICATION"))
                .expectNoEvents();
    }

    @Test
    void aTerritorialApplicationNamesItsTerritories() {
        fixture(NONE)
                .given(
                        new TreatyRegisteredEvent("parent", "p0", PARENT),
                        new ConventionSignedEvent("parent", "s1", "NLD", date("2025-10-25"), null))
                .when(territorialApplication(List.of("Aruba")), RECORDED)
                .expectEvents(new CommunicationReceivedEvent(
                        "parent",
                        "c1",
                        "NLD",
                        CommunicationKind.TERRITORIAL_APPLICATION,
                        date("2026-01-05"),
                        "Applies to Aruba.",
                        null,
                        List.of("Aruba")));
    }

    @Test
    void aTerritorialApplicationFromAParticipantWithNoActionIsRefused() {
        fixture(NONE)
                .given(new TreatyRegisteredEvent("parent", "p0", PARENT))
                .when(territorialApplication(List.of("Aruba")), RECORDED)
                .expectException(code("NO_ACTION_RECORDED"))
                .expectNoEvents();
    }

    @Test
    void aTerritorialApplicationBeforeTheParticipantsSignatureIsRefused() {
        fixture(NONE)
                .given(
                        new TreatyRegisteredEvent("parent", "p0", PARENT),
                        new ConventionSignedEvent("parent", "s1", "NLD", date("2026-02-01"), null))
                .when(territorialApplication(List.of("Aruba")), RECORDED)
                .expectException(code("NO_ACTION_RECORDED"))
                .expectNoEvents();
    }

    @Test
    void aTerritorialApplicationWithoutTerritoriesIsRefused() {
        fixture(NONE)
                .given(new TreatyRegisteredEvent("parent", "p0", PARENT))
                .when(territorialApplication(List.of()), RECORDED)
                .expectException(code("MISSING_FIELD"))
                .expectNoEvents();
    }

    @Test
    void anAmendmentToATreatyWithoutAmendmentClauseIsRefused() {
        fixture(NONE)
                .given(new TreatyRegisteredEvent("parent", "p0", PARENT))
                .when(adopt("2026-06-01"), RECORDED)
                .expectException(code("AMENDMENTS_NOT_PROVIDED"))
                .expectNoEvents();
    }

    @Test
    void anAmendmentBeforeFiveYearsAfterEntryIntoForceIsRefused() {
        fixture(NONE)
                .given(amendableInForce())
                .when(adopt("2020-05-29"), RECORDED)
                .expectException(code("AMENDMENT_TOO_EARLY"))
                .expectNoEvents();
    }

    @Test
    void anAmendmentFiveYearsAfterEntryIntoForceIsAdopted() {
        fixture(NONE)
                .given(amendableInForce())
                .when(adopt("2020-05-30"), RECORDED)
                .expectEvents(new AmendmentAdoptedEvent(
                        "amendable",
                        "a1",
                        "A1",
                        date("2020-05-30"),
                        AdoptionMethod.CONSENSUS,
                        "Article 1 is amended."));
    }

    @Test
    void aPartysInstrumentForAnAdoptedAmendmentIsRecorded() {
        fixture(NONE)
                .given(amendmentAdopted())
                .when(acceptAmendment("FRA", "A1"), RECORDED)
                .expectEvents(new AmendmentInstrumentDepositedEvent(
                        "amendable", "ai1", "A1", "FRA", InstrumentType.ACCEPTANCE, date("2021-02-01")));
    }

    @Test
    void anInstrumentForAnAmendmentByANonPartyIsRefused() {
        fixture(NONE)
                .given(amendmentAdopted())
                .when(acceptAmendment("DEU", "A1"), RECORDED)
                .expectException(code("NOT_A_PARTY"))
                .expectNoEvents();
    }

    @Test
    void anInstrumentForAnUnknownAmendmentIsRefused() {
        fixture(NONE)
                .given(amendmentAdopted())
                .when(acceptAmendment("FRA", "A2"), RECORDED)
                .expectException(code("UNKNOWN_AMENDMENT"))
                .expectNoEvents();
    }

    @Test
    void aSecondInstrumentForTheSameAmendmentIsRefused() {
        List<Object> history = new java.util.ArrayList<>(amendmentAdopted());
        history.add(new AmendmentInstrumentDepositedEvent(
                "amendable", "ai0", "A1", "FRA", InstrumentType.ACCEPTANCE, date("2021-01-20")));
        fixture(NONE)
                .given(history)
                .when(acceptAmendment("FRA", "A1"), RECORDED)
                .expectException(code("ALREADY_DEPOSITED"))
                .expectNoEvents();
    }

    private static List<Object> protocolSignedByFrance() {
        return List.of(
                new TreatyRegisteredEvent("protocol", "r0", PROTOCOL),
                new ConventionSignedEvent("protocol", "s1", "FRA", date("2025-10-25"), null));
    }

    private static DepositInstrumentCommand ratifyProtocol(String on) {
        return new DepositInstrumentCommand(
                "protocol", "i1", "FRA", InstrumentType.RATIFICATION, date(on), List.of(), List.of());
    }

    private static DepositInstrumentCommand succession(String predecessor, String boundFrom) {
        return new DepositInstrumentCommand(
                "parent",
                "i1",
                "SSD",
                InstrumentType.SUCCESSION,
                date("2026-06-01"),
                List.of(),
                List.of(),
                predecessor,
                date(boundFrom));
    }

    private static RecordCommunicationCommand territorialApplication(List<String> territories) {
        return new RecordCommunicationCommand(
                "parent",
                "c1",
                "NLD",
                CommunicationKind.TERRITORIAL_APPLICATION,
                date("2026-01-05"),
                "Applies to Aruba.",
                null,
                territories);
    }

    private static List<Object> amendableInForce() {
        return List.of(
                new TreatyRegisteredEvent("amendable", "r0", AMENDABLE),
                new ConventionSignedEvent("amendable", "s1", "FRA", date("2015-01-10"), null),
                new InstrumentDepositedEvent(
                        "amendable",
                        "i1",
                        "FRA",
                        InstrumentType.RATIFICATION,
                        date("2015-03-01"),
                        List.of(),
                        List.of()));
    }

    private static List<Object> amendmentAdopted() {
        List<Object> history = new java.util.ArrayList<>(amendableInForce());
        history.add(new AmendmentAdoptedEvent(
                "amendable", "a1", "A1", date("2021-01-10"), AdoptionMethod.VOTE, "Article 1 is amended."));
        return history;
    }

    private static AdoptAmendmentCommand adopt(String on) {
        String treaty = on.startsWith("2026") ? "parent" : "amendable";
        return new AdoptAmendmentCommand(
                treaty, "a1", "A1", date(on), AdoptionMethod.CONSENSUS, "Article 1 is amended.");
    }

    private static DepositAmendmentInstrumentCommand acceptAmendment(String participant, String amendment) {
        return new DepositAmendmentInstrumentCommand(
                "amendable", "ai1", amendment, participant, InstrumentType.ACCEPTANCE, date("2021-02-01"));
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static Matcher<RejectedException> code(String code) {
        return Matchers.allOf(
                Matchers.instanceOf(RejectedException.class), hasProperty("message", Matchers.startsWith(code + ":")));
    }
}
