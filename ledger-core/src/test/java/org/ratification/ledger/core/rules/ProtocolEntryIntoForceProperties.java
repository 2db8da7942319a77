package org.ratification.ledger.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/** The combined entry-into-force arithmetic of a protocol and its parent treaty. */
class ProtocolEntryIntoForceProperties {

    private static final List<String> STATES = List.of(
            "FRA", "DEU", "ITA", "ESP", "VNM", "KEN", "BRA", "JPN", "NRU", "TUV", "CHL", "MEX", "NOR", "CAN", "GHA");
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate LATE = LocalDate.of(2040, 1, 1);
    private final StatusCalculator calculator = new StatusCalculator(ParticipantRegistry.standard());

    /** A parent deposit and, for some, a protocol deposit on or after it (days after the parent's). */
    record Deposit(String participant, int parentDay, Integer protocolDelay) {}

    record Scenario(
            int parentRequired, int protocolRequired, int parentDays, int protocolDays, List<Deposit> deposits) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Deposit>> deposits = Arbitraries.integers()
                .between(0, STATES.size() - 1)
                .list()
                .uniqueElements()
                .ofMaxSize(STATES.size())
                .flatMap(indexes -> Combinators.combine(
                                Arbitraries.integers().between(0, 700).list().ofSize(indexes.size()),
                                Arbitraries.integers()
                                        .between(0, 400)
                                        .injectNull(0.3)
                                        .list()
                                        .ofSize(indexes.size()))
                        .as((days, delays) -> {
                            List<Deposit> list = new ArrayList<>();
                            for (int i = 0; i < indexes.size(); i++) {
                                list.add(new Deposit(STATES.get(indexes.get(i)), days.get(i), delays.get(i)));
                            }
                            return list;
                        }));
        return Combinators.combine(
                        Arbitraries.integers().between(1, 8),
                        Arbitraries.integers().between(1, 8),
                        Arbitraries.integers().between(0, 120),
                        Arbitraries.integers().between(0, 120),
                        deposits)
                .as(Scenario::new);
    }

    @Property(tries = 300)
    void aProtocolNeverEntersIntoForceBeforeItsParentNorForAParticipantBeforeTheParentDoesForIt(
            @ForAll("scenarios") Scenario scenario) {
        TreatyDefinition parent = definition("parent", null, scenario.parentRequired(), scenario.parentDays());
        TreatyDefinition protocol =
                definition("protocol", "parent", scenario.protocolRequired(), scenario.protocolDays());
        List<TreatyEvent> parentEvents = new ArrayList<>(List.of(new TreatyRegisteredEvent("parent", "p", parent)));
        List<TreatyEvent> protocolEvents =
                new ArrayList<>(List.of(new TreatyRegisteredEvent("protocol", "q", protocol)));
        for (Deposit d : scenario.deposits()) {
            LocalDate parentDay = START.plusDays(d.parentDay());
            parentEvents.add(accession("parent", d.participant(), parentDay));
            if (d.protocolDelay() != null) {
                protocolEvents.add(accession("protocol", d.participant(), parentDay.plusDays(d.protocolDelay())));
            }
        }
        TreatyFacts parentFacts = TreatyFacts.fold(parentEvents);
        TreatyFacts protocolFacts = TreatyFacts.fold(protocolEvents);
        assertThat(new TreatyRules(ParticipantRegistry.standard()).violations(protocolFacts, parentFacts))
                .as("every protocol deposit follows the participant's parent deposit")
                .isEmpty();

        for (LocalDate asOf : List.of(START.plusDays(400), START.plusDays(900), LATE)) {
            StatusCalculator.Status parentStatus = calculator.asOf(parent, parentFacts.actions(), asOf);
            StatusCalculator.Status status = calculator.asOf(protocol, protocolFacts.actions(), asOf, parentStatus);
            LocalDate parentGeneral = parentStatus.treaty().entryIntoForceOn();
            LocalDate general = status.treaty().entryIntoForceOn();
            if (parentGeneral == null) {
                assertThat(general).as("not in force before the parent").isNull();
            } else if (general != null) {
                assertThat(general).isAfterOrEqualTo(parentGeneral);
            }
            for (ParticipantView view : status.participants()) {
                if (view.entryIntoForceOn() != null) {
                    LocalDate own = parentStatus
                            .participant(view.participant())
                            .map(ParticipantView::entryIntoForceOn)
                            .orElse(null);
                    assertThat(own).as("bound by the parent").isNotNull();
                    assertThat(view.entryIntoForceOn()).isAfterOrEqualTo(own);
                    assertThat(view.entryIntoForceOn()).isAfterOrEqualTo(general);
                }
            }
            // the protocol's own arithmetic still holds where the parent does not delay it
            EntryIntoForce.Result own = StatusCalculator.entryIntoForce(
                    protocol, protocolFacts.live(ActionKind.INSTRUMENT), ParticipantRegistry.standard());
            if (own.thresholdReached() && parentGeneral != null) {
                LocalDate expected =
                        own.entryIntoForceOn().isAfter(parentGeneral) ? own.entryIntoForceOn() : parentGeneral;
                if (own.thresholdReachedOn().isAfter(asOf)) {
                    continue;
                }
                assertThat(general).isEqualTo(expected);
            }
        }
    }

    private static TreatyDefinition definition(String id, String parent, int required, int days) {
        return new TreatyDefinition(
                id,
                id.toUpperCase(),
                id,
                LocalDate.of(2024, 12, 24),
                new SignatureClause(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)),
                new EntryIntoForceClause(required, days, 30, false),
                new DenunciationClause(12, true),
                parent,
                null,
                null);
    }

    private static InstrumentDepositedEvent accession(String treaty, String participant, LocalDate on) {
        return new InstrumentDepositedEvent(
                treaty, treaty + "-" + participant, participant, InstrumentType.ACCESSION, on, List.of(), List.of());
    }
}
