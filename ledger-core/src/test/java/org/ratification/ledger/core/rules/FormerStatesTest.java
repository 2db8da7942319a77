package org.ratification.ledger.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.participants.Participant;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/** Former States (ISO 3166-3) in the registry: their instruments count; they act only while they exist. */
class FormerStatesTest {

    private static final ParticipantRegistry REGISTRY = ParticipantRegistry.standard();
    private static final TreatyDefinition TREATY = new TreatyDefinition(
            "T-1979",
            "T-1979",
            "A treaty open indefinitely, in force on the 30th day after the 3rd instrument",
            LocalDate.of(1979, 12, 18),
            new SignatureClause(LocalDate.of(1980, 3, 1), null, false),
            new EntryIntoForceClause(3, 30, 30, false),
            new DenunciationClause(12));

    private static InstrumentDepositedEvent accession(String id, String participant, String date) {
        return new InstrumentDepositedEvent(
                "T-1979", id, participant, InstrumentType.ACCESSION, LocalDate.parse(date), List.of(), List.of());
    }

    @Test
    void registryKnowsFormerStatesWithTheirDatesButListsOnlyCurrentOnesAsAll() {
        Participant gdr = REGISTRY.find("DDR").orElseThrow();
        assertThat(gdr.name()).isEqualTo("German Democratic Republic");
        assertThat(gdr.existedUntil()).isEqualTo(LocalDate.of(1990, 10, 2));
        assertThat(REGISTRY.former()).extracting(Participant::code).contains("CSK", "DDR", "SCG", "SUN", "YUG");
        assertThat(REGISTRY.all())
                .extracting(Participant::code)
                .doesNotContain("DDR", "SUN")
                .contains("FRA", "EU");
        assertThat(REGISTRY.existedOn("DDR", LocalDate.of(1990, 10, 2))).isTrue();
        assertThat(REGISTRY.existedOn("DDR", LocalDate.of(1990, 10, 3))).isFalse();
        assertThat(REGISTRY.existedOn("DEU", LocalDate.of(1900, 1, 1))).isTrue();
    }

    @Test
    void aFormerStatesInstrumentCountsTowardTheThreshold() {
        List<TreatyEvent> events = new ArrayList<>(List.of(
                new TreatyRegisteredEvent("T-1979", "reg", TREATY),
                accession("a", "SWE", "1980-07-02"),
                accession("b", "DDR", "1980-07-09"),
                accession("c", "SUN", "1981-01-23")));
        TreatyFacts facts = TreatyFacts.fold(events);
        assertThat(new TreatyRules(REGISTRY).violations(facts)).isEmpty();
        var status = new StatusCalculator(REGISTRY).asOf(TREATY, facts.actions(), LocalDate.of(1982, 1, 1));
        assertThat(status.treaty().thresholdParticipant()).isEqualTo("SUN");
        assertThat(status.treaty().entryIntoForceOn()).isEqualTo(LocalDate.of(1981, 2, 22));
        assertThat(status.treaty().explanation()).contains("Union of Soviet Socialist Republics");
    }

    @Test
    void anActionDatedOutsideAStatesExistenceIsRefused() {
        TreatyFacts facts = TreatyFacts.fold(
                List.of(new TreatyRegisteredEvent("T-1979", "reg", TREATY), accession("late", "DDR", "1990-10-03")));
        assertThat(new TreatyRules(REGISTRY).check(facts, "late"))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("PARTICIPANT_NOT_IN_EXISTENCE"));
        TreatyFacts early = TreatyFacts.fold(
                List.of(new TreatyRegisteredEvent("T-1979", "reg", TREATY), accession("early", "SCG", "2003-02-03")));
        assertThat(new TreatyRules(REGISTRY).check(early, "early"))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("PARTICIPANT_NOT_IN_EXISTENCE"));
    }
}
