package org.ratification.ledger.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.Irregularity;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/** Acknowledged irregularities and successions to a signature, on the rules and the status alone. */
class IrregularitiesTest {

    private static final ParticipantRegistry REGISTRY = ParticipantRegistry.standard();
    private static final TreatyDefinition TREATY = new TreatyDefinition(
            "T-I",
            "T-I",
            "A treaty whose signature period closed",
            LocalDate.of(2000, 1, 1),
            new SignatureClause(LocalDate.of(2000, 1, 10), LocalDate.of(2000, 12, 31)),
            new EntryIntoForceClause(2, 90, 30, false),
            new DenunciationClause(12));

    private final TreatyFacts facts = TreatyFacts.fold(List.of(new TreatyRegisteredEvent("T-I", "reg", TREATY)));
    private final TreatyRules rules = new TreatyRules(REGISTRY);

    private void sign(String id, String participant, String date, String predecessor, Irregularity irregularity) {
        facts.apply(new ConventionSignedEvent(
                "T-I", id, participant, LocalDate.parse(date), null, predecessor, irregularity));
    }

    private void deposit(String id, String participant, InstrumentType type, String date, Irregularity irregularity) {
        facts.apply(new InstrumentDepositedEvent(
                "T-I", id, participant, type, LocalDate.parse(date), List.of(), List.of(), null, null, irregularity));
    }

    private String refusal(String recordId) {
        return rules.check(facts, recordId).map(Rejection::code).orElse(null);
    }

    @Test
    void anAccessionByASignatoryIsRefusedUnlessItsRefusalIsAcknowledged() {
        sign("s", "FRA", "2000-03-01", null, null);
        deposit("a", "FRA", InstrumentType.ACCESSION, "2001-03-01", null);
        assertThat(refusal("a")).isEqualTo("SIGNATORY_MUST_RATIFY");

        TreatyFacts acknowledged = facts.copy();
        acknowledged.apply(new RecordRetractedEvent("T-I", "x", "a", "try again", "FRA", LocalDate.of(2001, 3, 1)));
        acknowledged.apply(new InstrumentDepositedEvent(
                "T-I",
                "a2",
                "FRA",
                InstrumentType.ACCESSION,
                LocalDate.of(2001, 3, 1),
                List.of(),
                List.of(),
                null,
                null,
                new Irregularity("SIGNATORY_MUST_RATIFY", "Deposited as an instrument of accession.")));
        assertThat(rules.check(acknowledged, "a2")).isEmpty();
    }

    @Test
    void anAcknowledgementOverridesOnlyTheRefusalItNames() {
        sign("s", "FRA", "2000-03-01", null, null);
        deposit("a", "FRA", InstrumentType.ACCESSION, "2001-03-01", new Irregularity("NOT_SIGNED", "wrong code"));
        assertThat(refusal("a")).isEqualTo("IRREGULARITY_NOT_PRESENT");
        assertThat(rules.check(facts, "a").orElseThrow().message()).contains("SIGNATORY_MUST_RATIFY");
        // already recorded, it is not asked again, and the refusal it does not name stays
        assertThat(rules.violations(facts, null))
                .extracting(v -> v.rejection().code())
                .containsExactly("SIGNATORY_MUST_RATIFY");
    }

    @Test
    void aNeedlessOrUnacknowledgeableAcknowledgementIsRefused() {
        sign("s", "FRA", "2000-03-01", null, null);
        deposit("r", "FRA", InstrumentType.RATIFICATION, "2001-03-01", new Irregularity("NOT_SIGNED", "not needed"));
        assertThat(refusal("r")).isEqualTo("IRREGULARITY_NOT_PRESENT");

        sign("s2", "DEU", "2000-03-01", null, null);
        deposit("r2", "DEU", InstrumentType.RATIFICATION, "2001-03-01", null);
        deposit("r3", "DEU", InstrumentType.RATIFICATION, "2001-04-01", new Irregularity("ALREADY_DEPOSITED", "x"));
        assertThat(refusal("r3")).isEqualTo("IRREGULARITY_NOT_ACKNOWLEDGEABLE");
    }

    @Test
    void aRetractionThatMakesAnAcknowledgementNeedlessIsNotRefused() {
        sign("s", "FRA", "2000-03-01", null, null);
        deposit("a", "FRA", InstrumentType.ACCESSION, "2001-03-01", new Irregularity("SIGNATORY_MUST_RATIFY", "n"));
        assertThat(refusal("a")).isNull();
        facts.apply(new RecordRetractedEvent("T-I", "x", "s", "signed in error", "FRA", LocalDate.of(2000, 3, 1)));
        assertThat(refusal("x")).isNull();
    }

    @Test
    void aSuccessionToASignatureNeedsNoOpenPeriodAndCountsAsASignatureForRatification() {
        sign("plain", "SRB", "2006-10-23", null, null);
        assertThat(refusal("plain")).isEqualTo("SIGNATURE_PERIOD_CLOSED");

        TreatyFacts succeeded = TreatyFacts.fold(List.of(new TreatyRegisteredEvent("T-I", "reg", TREATY)));
        succeeded.apply(new ConventionSignedEvent("T-I", "d", "MNE", LocalDate.of(2006, 10, 23), null, "SCG", null));
        succeeded.apply(new InstrumentDepositedEvent(
                "T-I", "r", "MNE", InstrumentType.RATIFICATION, LocalDate.of(2007, 1, 10), List.of(), List.of()));
        assertThat(rules.check(succeeded, "d")).isEmpty();
        assertThat(rules.check(succeeded, "r")).isEmpty();

        ParticipantView montenegro = new StatusCalculator(REGISTRY)
                .asOf(TREATY, succeeded.actions(), LocalDate.of(2007, 12, 31))
                .participant("MNE")
                .orElseThrow();
        assertThat(montenegro.signedOn()).isEqualTo(LocalDate.of(2006, 10, 23));
        assertThat(montenegro.signatureLetter()).isEqualTo("d");
        assertThat(montenegro.signaturePredecessor()).isEqualTo("SCG");
        assertThat(montenegro.instrument().type()).isEqualTo(InstrumentType.RATIFICATION);
    }

    @Test
    void aStateCannotSucceedToItsOwnSignature() {
        sign("d", "MNE", "2006-10-23", "MNE", null);
        assertThat(refusal("d")).isEqualTo("INVALID_PREDECESSOR");
    }

    @Test
    void theRowShowsTheAcknowledgedIrregularitiesOfItsSignatureAndInstrument() {
        sign("s", "FRA", "2001-02-01", null, new Irregularity("SIGNATURE_PERIOD_CLOSED", "Signed late."));
        deposit("a", "FRA", InstrumentType.ACCESSION, "2001-03-01", new Irregularity("SIGNATORY_MUST_RATIFY", "n"));
        assertThat(refusal("s")).isNull();
        assertThat(refusal("a")).isNull();
        ParticipantView france = new StatusCalculator(REGISTRY)
                .asOf(TREATY, facts.actions(), LocalDate.of(2001, 12, 31))
                .participant("FRA")
                .orElseThrow();
        assertThat(france.irregularities())
                .extracting(i -> i.action() + " " + i.code() + " " + i.note())
                .containsExactly(
                        "SIGNATURE SIGNATURE_PERIOD_CLOSED Signed late.", "INSTRUMENT SIGNATORY_MUST_RATIFY n");
    }

    @Test
    void theNoteIsBounded() {
        assertThat(Bounds.irregularity(new Irregularity("NOT_SIGNED", "x".repeat(Bounds.MAX_NOTE))))
                .isEmpty();
        assertThat(Bounds.irregularity(new Irregularity("NOT_SIGNED", "x".repeat(Bounds.MAX_NOTE + 1))))
                .map(Rejection::code)
                .contains("TEXT_TOO_LONG");
        assertThat(Bounds.irregularity(new Irregularity("NOT_SIGNED", "a\u0007b")))
                .map(Rejection::code)
                .contains("CONTROL_CHARACTERS");
        assertThat(Bounds.irregularity(new Irregularity("NOT_SIGNED", " ")))
                .map(Rejection::code)
                .contains("MISSING_FIELD");
        assertThat(Bounds.irregularity(new Irregularity("not signed", "n")))
                .map(Rejection::code)
                .contains("INVALID_IRREGULARITY_CODE");
    }
}
