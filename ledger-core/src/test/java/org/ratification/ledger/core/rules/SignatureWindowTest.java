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

/**
 * A signature dated outside the signature window is refused with a code that says which side of
 * it: not yet open, or already closed. A definitive signature is a signature and is told the same.
 */
class SignatureWindowTest {

    private static final ParticipantRegistry REGISTRY = ParticipantRegistry.standard();
    /** Adopted on 1 January 2000, open for signature from 1 March to 31 December 2000. */
    private static final TreatyDefinition TREATY = new TreatyDefinition(
            "T-W",
            "T-W",
            "A treaty whose signature window opens after its adoption",
            LocalDate.of(2000, 1, 1),
            new SignatureClause(LocalDate.of(2000, 3, 1), LocalDate.of(2000, 12, 31)),
            new EntryIntoForceClause(40, 90, 30, false),
            new DenunciationClause(12));

    private final TreatyFacts facts = TreatyFacts.fold(List.of(new TreatyRegisteredEvent("T-W", "reg", TREATY)));

    private String signed(String participant, String date) {
        String id = "sig-" + participant;
        facts.apply(new ConventionSignedEvent("T-W", id, participant, LocalDate.parse(date), null));
        return refusal(id);
    }

    private String signedDefinitively(String participant, String date) {
        String id = "def-" + participant;
        facts.apply(new InstrumentDepositedEvent(
                "T-W",
                id,
                participant,
                InstrumentType.DEFINITIVE_SIGNATURE,
                LocalDate.parse(date),
                List.of(),
                List.of()));
        return refusal(id);
    }

    private String refusal(String recordId) {
        return new TreatyRules(REGISTRY)
                .check(facts, recordId)
                .map(Rejection::code)
                .orElse(null);
    }

    @Test
    void aSignatureBeforeTheWindowOpensIsNotYetOpen() {
        assertThat(signed("FRA", "2000-02-29")).isEqualTo("SIGNATURE_PERIOD_NOT_OPEN");
    }

    @Test
    void aSignatureOnTheFirstAndLastDaysOfTheWindowIsAccepted() {
        assertThat(signed("FRA", "2000-03-01")).isNull();
        assertThat(signed("DEU", "2000-12-31")).isNull();
    }

    @Test
    void aSignatureAfterTheWindowClosesIsClosed() {
        assertThat(signed("FRA", "2001-01-01")).isEqualTo("SIGNATURE_PERIOD_CLOSED");
    }

    @Test
    void aDefinitiveSignatureOutsideTheWindowIsToldWhichSide() {
        assertThat(signedDefinitively("NOR", "2000-02-01")).isEqualTo("SIGNATURE_PERIOD_NOT_OPEN");
    }

    @Test
    void aDefinitiveSignatureAfterTheWindowIsClosed() {
        assertThat(signedDefinitively("SWE", "2001-01-02")).isEqualTo("SIGNATURE_PERIOD_CLOSED");
    }
}
