package org.ratification.ledger.core.treaty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasProperty;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratification.ledger.core.api.AdoptAmendmentCommand;
import org.ratification.ledger.core.api.AdoptionMethod;
import org.ratification.ledger.core.api.AmendmentClause;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.DepositInstrumentCommand;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.NotifyDenunciationCommand;
import org.ratification.ledger.core.api.RecordCommunicationCommand;
import org.ratification.ledger.core.api.RegisterTreatyCommand;
import org.ratification.ledger.core.api.SignConventionCommand;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.rules.Bounds;
import org.ratification.ledger.core.rules.RejectedException;
import org.ratification.ledger.core.rules.TreatyLookup;

/**
 * The aggregate refuses whatever lies outside {@link Bounds}, so that nothing is recorded that a
 * computed date, a read model or the export could not hold (issue 12 §1 and §3): each clause at its
 * bound is accepted and one past it refused, as are dates outside the years 1-9999, ill-formed
 * Unicode, control characters, over-long texts and participant codes that are not ASCII.
 */
class TreatyBoundsTest {

    private static final Map<String, Object> RECORDED = Map.of("recordedAt", "2026-11-01T10:00:00Z");
    private static final TreatyLookup NONE = id -> Optional.empty();

    private static TreatyDefinition treaty(
            int instruments, int daysAfterThreshold, int daysAfterLater, int months, AmendmentClause amendments) {
        return new TreatyDefinition(
                "bounded",
                "B-1",
                "Bounded convention",
                LocalDate.parse("2015-01-01"),
                new SignatureClause(LocalDate.parse("2015-01-02"), LocalDate.parse("2026-12-31")),
                new EntryIntoForceClause(instruments, daysAfterThreshold, daysAfterLater, false),
                new DenunciationClause(months),
                null,
                amendments,
                null);
    }

    private static final TreatyDefinition PLAIN = treaty(1, 90, 30, 12, new AmendmentClause(5, 90));

    private FixtureConfiguration<Treaty> fixture() {
        FixtureConfiguration<Treaty> fixture = new AggregateTestFixture<>(Treaty.class);
        fixture.registerInjectableResource(NONE);
        return fixture;
    }

    private void registered(TreatyDefinition definition) {
        fixture()
                .givenNoPriorActivity()
                .when(new RegisterTreatyCommand("bounded", "r0", definition), RECORDED)
                .expectSuccessfulHandlerExecution();
    }

    private void refusedRegistration(TreatyDefinition definition, String code) {
        fixture()
                .givenNoPriorActivity()
                .when(new RegisterTreatyCommand("bounded", "r0", definition), RECORDED)
                .expectException(code(code))
                .expectNoEvents();
    }

    @Test
    void eachClauseIsAcceptedAtItsBoundAndRefusedPastIt() {
        List<IntFunction<TreatyDefinition>> clauses = List.of(
                n -> treaty(n, 90, 30, 12, null),
                n -> treaty(1, n, 30, 12, null),
                n -> treaty(1, 90, n, 12, null),
                n -> treaty(1, 90, 30, n, null),
                n -> treaty(1, 90, 30, 12, new AmendmentClause(n, 90)),
                n -> treaty(1, 90, 30, 12, new AmendmentClause(5, n)));
        int[] bounds = {
            Bounds.MAX_INSTRUMENTS_REQUIRED,
            Bounds.MAX_DAYS,
            Bounds.MAX_DAYS,
            Bounds.MAX_MONTHS,
            Bounds.MAX_YEARS,
            Bounds.MAX_DAYS
        };
        for (int i = 0; i < clauses.size(); i++) {
            registered(clauses.get(i).apply(bounds[i]));
            refusedRegistration(clauses.get(i).apply(bounds[i] + 1), "INVALID_TREATY_DEFINITION");
            refusedRegistration(clauses.get(i).apply(Integer.MAX_VALUE), "INVALID_TREATY_DEFINITION");
            refusedRegistration(clauses.get(i).apply(Integer.MIN_VALUE), "INVALID_TREATY_DEFINITION");
        }
    }

    @Test
    void aDefinitionDateOutsideTheYearsOneTo9999IsRefused() {
        TreatyDefinition yearZero = new TreatyDefinition(
                "bounded",
                "B-1",
                "Bounded convention",
                LocalDate.of(0, 12, 31),
                new SignatureClause(LocalDate.parse("2015-01-02"), LocalDate.parse("2026-12-31")),
                new EntryIntoForceClause(1, 90, 30, false),
                new DenunciationClause(12));
        refusedRegistration(yearZero, "DATE_OUT_OF_RANGE");
        TreatyDefinition closesAfter9999 = new TreatyDefinition(
                "bounded",
                "B-1",
                "Bounded convention",
                LocalDate.parse("2015-01-01"),
                new SignatureClause(LocalDate.parse("2015-01-02"), LocalDate.of(10_000, 1, 1)),
                new EntryIntoForceClause(1, 90, 30, false),
                new DenunciationClause(12));
        refusedRegistration(closesAfter9999, "DATE_OUT_OF_RANGE");
    }

    @Test
    void aDefinitionWithIllFormedOrControlTextIsRefused() {
        TreatyDefinition lone = new TreatyDefinition(
                "bounded",
                "B-1",
                "Bounded \ud800 convention",
                LocalDate.parse("2015-01-01"),
                new SignatureClause(LocalDate.parse("2015-01-02"), LocalDate.parse("2026-12-31")),
                new EntryIntoForceClause(1, 90, 30, false),
                new DenunciationClause(12));
        refusedRegistration(lone, "INVALID_UNICODE");
        TreatyDefinition bell = new TreatyDefinition(
                "bounded",
                "B-\u0007",
                "Bounded convention",
                LocalDate.parse("2015-01-01"),
                new SignatureClause(LocalDate.parse("2015-01-02"), LocalDate.parse("2026-12-31")),
                new EntryIntoForceClause(1, 90, 30, false),
                new DenunciationClause(12));
        refusedRegistration(bell, "CONTROL_CHARACTERS");
    }

    @Test
    void theOptionalTitlesAreBoundedLikeTheTitle() {
        refusedRegistration(titled("Bounded", "Convention bornée\u0007", null), "CONTROL_CHARACTERS");
        refusedRegistration(titled("Bounded", "é".repeat(Bounds.MAX_TITLE + 1), null), "TEXT_TOO_LONG");
        refusedRegistration(
                titled("Bounded", "Convention bornée", "x".repeat(Bounds.MAX_SHORT_TEXT + 1)), "TEXT_TOO_LONG");
        refusedRegistration(titled("x".repeat(Bounds.MAX_SHORT_TEXT + 1), null, null), "TEXT_TOO_LONG");
        registered(titled(
                "y".repeat(Bounds.MAX_SHORT_TEXT), "é".repeat(Bounds.MAX_TITLE), "z".repeat(Bounds.MAX_SHORT_TEXT)));
    }

    private static TreatyDefinition titled(String shortTitle, String titleFr, String shortTitleFr) {
        return new TreatyDefinition(
                "bounded",
                "B-1",
                "Bounded convention",
                LocalDate.parse("2015-01-01"),
                new SignatureClause(LocalDate.parse("2015-01-02"), LocalDate.parse("2026-12-31")),
                new EntryIntoForceClause(1, 90, 30, false),
                new DenunciationClause(12),
                null,
                null,
                null,
                shortTitle,
                titleFr,
                shortTitleFr);
    }

    /** Issue 12 §1: a treaty registered before the bounds existed refuses new records instead of choking. */
    @Test
    void aTreatyRegisteredWithUnboundedClausesRefusesFurtherRecords() {
        fixture()
                .given(
                        new TreatyRegisteredEvent("bounded", "r0", treaty(1, 90, 30, Integer.MAX_VALUE, null)),
                        new ConventionSignedEvent("bounded", "s1", "FRA", LocalDate.parse("2016-01-01"), null),
                        new InstrumentDepositedEvent(
                                "bounded",
                                "i1",
                                "FRA",
                                InstrumentType.RATIFICATION,
                                LocalDate.parse("2016-02-01"),
                                List.of(),
                                List.of()))
                .when(new NotifyDenunciationCommand("bounded", "d1", "FRA", LocalDate.parse("2020-01-01")), RECORDED)
                .expectException(code("INVALID_TREATY_DEFINITION"))
                .expectNoEvents();
        fixture()
                .given(new TreatyRegisteredEvent(
                        "bounded", "r0", treaty(1, 90, 30, 12, new AmendmentClause(Integer.MAX_VALUE, 90))))
                .when(
                        new AdoptAmendmentCommand(
                                "bounded", "a1", "A1", LocalDate.parse("2020-01-01"), AdoptionMethod.CONSENSUS, "Text"),
                        RECORDED)
                .expectException(code("INVALID_TREATY_DEFINITION"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ßd", "ﬁn", "ırl", "SSD\u0301", "FRA ", "fra", "F1", "ＦＲＡ", "FRAN"})
    void aParticipantCodeThatIsNotTwoOrThreeAsciiCapitalsIsRefused(String code) {
        fixture()
                .given(new TreatyRegisteredEvent("bounded", "r0", PLAIN))
                .when(new SignConventionCommand("bounded", "s1", code, LocalDate.parse("2016-01-01"), null), RECORDED)
                .expectException(code("INVALID_PARTICIPANT_CODE"))
                .expectNoEvents();
    }

    @Test
    void textsOfARecordAreBounded() {
        LocalDate day = LocalDate.parse("2016-01-01");
        String tooLong = "x".repeat(Bounds.MAX_SHORT_TEXT + 1);
        assertRefused(new SignConventionCommand("bounded", "s1", "FRA", day, "Paris \udc00"), "INVALID_UNICODE");
        assertRefused(new SignConventionCommand("bounded", "s1", "FRA", day, tooLong), "TEXT_TOO_LONG");
        assertRefused(new SignConventionCommand("bounded", "s1", "FRA", day, "Paris\u0000"), "CONTROL_CHARACTERS");
        assertRefused(deposit(List.of("ok", "a \ud83d"), List.of()), "INVALID_UNICODE");
        assertRefused(deposit(List.of(), Collections.nCopies(Bounds.MAX_TEXTS + 1, "r")), "TOO_MANY_TEXTS");
        assertRefused(deposit(List.of("y".repeat(Bounds.MAX_TEXT + 1)), List.of()), "TEXT_TOO_LONG");
        assertRefused(
                new RecordCommunicationCommand(
                        "bounded", "c1", "FRA", CommunicationKind.DECLARATION, day, "Text", "no such id!"),
                "INVALID_RECORD_ID");
        assertRefused(
                new RecordCommunicationCommand(
                        "bounded",
                        "c1",
                        "FRA",
                        CommunicationKind.TERRITORIAL_APPLICATION,
                        day,
                        "Text",
                        null,
                        List.of(tooLong)),
                "TEXT_TOO_LONG");
        assertRefused(
                new AdoptAmendmentCommand("bounded", "a1", "A 1", day, AdoptionMethod.CONSENSUS, "Text"),
                "INVALID_RECORD_ID");
    }

    @Test
    void wellFormedTextIsAccepted() {
        String text = "Réserve 🇫🇷 \u05e9\u05dc\u05d5\u05dd e\u0301 \t\n\r 𝄞 \ufffd";
        assertThat(Bounds.wellFormed(text)).isTrue();
        assertThat(Bounds.text("t", text, Bounds.MAX_TEXT)).isEmpty();
        assertThat(Bounds.wellFormed("\ud800")).isFalse();
        assertThat(Bounds.wellFormed("\udc00\ud800")).isFalse();
        assertThat(Bounds.wellFormed("a\ud800b")).isFalse();
        fixture()
                .given(new TreatyRegisteredEvent("bounded", "r0", PLAIN))
                .when(new SignConventionCommand("bounded", "s1", "FRA", LocalDate.parse("2016-01-01"), text), RECORDED)
                .expectSuccessfulHandlerExecution();
    }

    private static DepositInstrumentCommand deposit(List<String> declarations, List<String> reservations) {
        return new DepositInstrumentCommand(
                "bounded",
                "i1",
                "FRA",
                InstrumentType.ACCESSION,
                LocalDate.parse("2016-01-01"),
                declarations,
                reservations);
    }

    private void assertRefused(Object command, String code) {
        fixture()
                .given(
                        new TreatyRegisteredEvent("bounded", "r0", PLAIN),
                        new ConventionSignedEvent("bounded", "s0", "DEU", LocalDate.parse("2015-06-01"), null))
                .when(command, RECORDED)
                .expectException(code(code))
                .expectNoEvents();
    }

    private static Matcher<RejectedException> code(String code) {
        return Matchers.allOf(
                Matchers.instanceOf(RejectedException.class), hasProperty("message", Matchers.startsWith(code + ":")));
    }
}
