package org.ratification.ledger.projections.changes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ratification.ledger.core.api.ParticipantStatus;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyStatusView;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.StatusCalculator;
import org.ratification.ledger.projections.changes.ChangesView.ActionInInterval;
import org.ratification.ledger.projections.changes.ChangesView.Change;
import org.ratification.ledger.projections.changes.ChangesView.ParticipantChanges;
import org.ratification.ledger.projections.changes.ChangesView.TreatyLine;

/** Compares a treaty's status on two legal dates. Pure: facts in, changes out. */
public final class StatusChanges {

    private final ParticipantRegistry registry;
    private final StatusCalculator calculator;

    public StatusChanges(ParticipantRegistry registry) {
        this.registry = registry;
        this.calculator = new StatusCalculator(registry);
    }

    public ChangesView between(TreatyDefinition definition, Collection<Action> actions, LocalDate from, LocalDate to) {
        StatusCalculator.Status before = calculator.asOf(definition, actions, from);
        StatusCalculator.Status after = calculator.asOf(definition, actions, to);

        List<ParticipantChanges> participants = new ArrayList<>();
        List<String> signed = new ArrayList<>();
        List<String> deposited = new ArrayList<>();
        List<String> becameParty = new ArrayList<>();
        List<String> denounced = new ArrayList<>();
        List<String> withdrew = new ArrayList<>();
        for (ParticipantView now : after.participants()) {
            Optional<ParticipantView> then = before.participant(now.participant());
            ParticipantStatus was = then.map(ParticipantView::status).orElse(null);
            List<Change> changes = new ArrayList<>();
            String code = now.participant();
            if (within(now.signedOn(), from, to)) {
                changes.add(new Change("SIGNED", now.signedOn(), code));
                signed.add(code);
            }
            if (now.instrument() != null && within(now.instrument().depositedOn(), from, to)) {
                changes.add(new Change("DEPOSITED", now.instrument().depositedOn(), code));
                deposited.add(code);
            }
            if (within(now.entryIntoForceOn(), from, to)) {
                changes.add(new Change("BECAME_PARTY", now.entryIntoForceOn(), code));
                becameParty.add(code);
            }
            if (within(now.denunciationReceivedOn(), from, to)) {
                changes.add(new Change("DENOUNCED", now.denunciationReceivedOn(), code));
                denounced.add(code);
            }
            if (now.status() == ParticipantStatus.WITHDRAWN && was != ParticipantStatus.WITHDRAWN) {
                changes.add(new Change("WITHDREW", now.denunciationEffectiveOn(), code));
                withdrew.add(code);
            }
            if (!changes.isEmpty() || was != now.status()) {
                participants.add(new ParticipantChanges(code, now.name(), was, now.status(), changes));
            }
        }
        return new ChangesView(
                definition.id(),
                from,
                to,
                new ChangesView.TreatyChanges(
                        line(before.treaty()), line(after.treaty()), treatyChanges(definition, before, after)),
                new ChangesView.Summary(signed, deposited, becameParty, denounced, withdrew),
                participants,
                actionsWithin(actions, from, to));
    }

    private static List<Change> treatyChanges(
            TreatyDefinition definition, StatusCalculator.Status before, StatusCalculator.Status after) {
        TreatyStatusView was = before.treaty();
        TreatyStatusView now = after.treaty();
        List<Change> changes = new ArrayList<>();
        if (!was.openForSignature() && now.openForSignature()) {
            changes.add(
                    new Change("OPENED_FOR_SIGNATURE", definition.signature().opensOn(), null));
        }
        if (now.thresholdReachedOn() != null && was.thresholdReachedOn() == null) {
            changes.add(new Change("THRESHOLD_REACHED", now.thresholdReachedOn(), now.thresholdParticipant()));
        }
        if (now.inForce() && !was.inForce()) {
            changes.add(new Change("ENTERED_INTO_FORCE", now.entryIntoForceOn(), null));
        }
        LocalDate closedFrom = definition.signature().closedFrom(now.entryIntoForceOn());
        if (was.openForSignature() && !now.openForSignature() && closedFrom != null) {
            changes.add(new Change("CLOSED_FOR_SIGNATURE", closedFrom, null));
        }
        changes.sort(Comparator.comparing(Change::on));
        return changes;
    }

    private List<ActionInInterval> actionsWithin(Collection<Action> actions, LocalDate from, LocalDate to) {
        return actions.stream()
                .filter(Action::live)
                .filter(a -> within(a.date(), from, to))
                .sorted(Comparator.comparing(Action::date))
                .map(a -> new ActionInInterval(
                        a.recordId(),
                        a.kind().name(),
                        a.participant(),
                        registry.nameOf(a.participant()),
                        a.date(),
                        a.instrumentType(),
                        a.communicationKind()))
                .toList();
    }

    private static TreatyLine line(TreatyStatusView t) {
        return new TreatyLine(
                t.instrumentsCounted(),
                t.signatories(),
                t.contracting(),
                t.parties(),
                t.thresholdReachedOn(),
                t.entryIntoForceOn(),
                t.inForce(),
                t.openForSignature());
    }

    /** Whether {@code date} lies in {@code (from, to]}. */
    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return date != null && date.isAfter(from) && !date.isAfter(to);
    }
}
