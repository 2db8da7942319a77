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
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/** The UNTC action kinds formal confirmation (c) and definitive signature (s). */
class ActionKindsTest {

    private static final ParticipantRegistry REGISTRY = ParticipantRegistry.standard();
    private static final TreatyDefinition TREATY = new TreatyDefinition(
            "T-K",
            "T-K",
            "A treaty open for signature until its entry into force",
            LocalDate.of(2000, 1, 1),
            new SignatureClause(LocalDate.of(2000, 1, 1), null, true),
            new EntryIntoForceClause(2, 30, 30, true),
            new DenunciationClause(12));

    private final TreatyFacts facts = TreatyFacts.fold(List.of(new TreatyRegisteredEvent("T-K", "reg", TREATY)));

    private void sign(String id, String participant, String date) {
        facts.apply(new ConventionSignedEvent("T-K", id, participant, LocalDate.parse(date), null));
    }

    private void deposit(String id, String participant, InstrumentType type, String date, List<String> declarations) {
        facts.apply(new InstrumentDepositedEvent(
                "T-K", id, participant, type, LocalDate.parse(date), declarations, List.of()));
    }

    private String refusal(String recordId) {
        return new TreatyRules(REGISTRY)
                .check(facts, recordId)
                .map(Rejection::code)
                .orElse(null);
    }

    @Test
    void lettersAreThoseOfTheUnTreatyCollection() {
        assertThat(InstrumentType.FORMAL_CONFIRMATION.letter()).isEqualTo("c");
        assertThat(InstrumentType.DEFINITIVE_SIGNATURE.letter()).isEqualTo("s");
    }

    @Test
    void aDefinitiveSignatureBindsWithoutRatificationAndCounts() {
        deposit("s1", "NOR", InstrumentType.DEFINITIVE_SIGNATURE, "2001-03-01", List.of());
        sign("sig", "FRA", "2001-01-01");
        deposit("r1", "FRA", InstrumentType.RATIFICATION, "2001-04-01", List.of());
        assertThat(refusal("s1")).isNull();
        var status = new StatusCalculator(REGISTRY).asOf(TREATY, facts.actions(), LocalDate.of(2002, 1, 1));
        assertThat(status.treaty().entryIntoForceOn()).isEqualTo(LocalDate.of(2001, 5, 1));
        assertThat(status.participant("NOR").orElseThrow().instrument().letter())
                .isEqualTo("s");
        assertThat(status.participant("NOR").orElseThrow().signedOn()).isNull();
        // after entry into force the treaty is closed for signature, definitive signatures included
        deposit("s2", "SWE", InstrumentType.DEFINITIVE_SIGNATURE, "2001-05-01", List.of());
        assertThat(refusal("s2")).isEqualTo("SIGNATURE_PERIOD_CLOSED");
    }

    @Test
    void aSignatoryCannotSignDefinitivelyAndFormalConfirmationFollowsASignature() {
        sign("sig", "FRA", "2001-01-01");
        deposit("s1", "FRA", InstrumentType.DEFINITIVE_SIGNATURE, "2001-03-01", List.of());
        assertThat(refusal("s1")).isEqualTo("ALREADY_SIGNED");

        TreatyFacts other = TreatyFacts.fold(List.of(new TreatyRegisteredEvent("T-K", "reg", TREATY)));
        other.apply(new InstrumentDepositedEvent(
                "T-K",
                "c1",
                "EU",
                InstrumentType.FORMAL_CONFIRMATION,
                LocalDate.of(2001, 2, 1),
                List.of("Competence: ..."),
                List.of()));
        assertThat(new TreatyRules(REGISTRY).check(other, "c1").map(Rejection::code))
                .hasValue("NOT_SIGNED");
    }
}
