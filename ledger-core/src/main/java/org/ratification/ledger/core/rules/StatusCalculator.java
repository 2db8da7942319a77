package org.ratification.ledger.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.InstrumentView;
import org.ratification.ledger.core.api.ParticipantStatus;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyStatusView;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/**
 * A treaty's status on a legal date, computed from its action records: only live actions dated on
 * or before that date count. Used by the status read model, by time travel and by the offline
 * verifier, so all three give the same answer for the same facts.
 */
public final class StatusCalculator {

    /** The treaty line and its participants table, ordered by participant name. */
    public record Status(TreatyStatusView treaty, List<ParticipantView> participants) {

        public Optional<ParticipantView> participant(String code) {
            return participants.stream().filter(p -> p.participant().equals(code)).findFirst();
        }
    }

    private final ParticipantRegistry registry;

    public StatusCalculator(ParticipantRegistry registry) {
        this.registry = registry;
    }

    public static EntryIntoForce.Result entryIntoForce(
            TreatyDefinition definition, Collection<Action> instruments, ParticipantRegistry registry) {
        return EntryIntoForce.compute(
                definition.entryIntoForce(),
                instruments.stream()
                        .map(i -> new EntryIntoForce.Instrument(
                                i.participant(), registry.isReio(i.participant()), i.date()))
                        .toList());
    }

    public Status asOf(TreatyDefinition definition, Collection<Action> actions, LocalDate asOf) {
        List<Action> known = actions.stream()
                .filter(Action::live)
                .filter(a -> !a.date().isAfter(asOf))
                .sorted(Comparator.comparing(Action::date))
                .toList();
        List<Action> instruments = ofKind(known, ActionKind.INSTRUMENT);
        EntryIntoForce.Result entryIntoForce = entryIntoForce(definition, instruments, registry);

        Map<String, Row> rows = new TreeMap<>();
        for (Action action : known) {
            if (action.kind() != ActionKind.COMMUNICATION) {
                rows.computeIfAbsent(action.participant(), Row::new).add(action);
            }
        }
        for (Action action : known) {
            Row row = rows.get(action.participant());
            if (row != null && action.kind() == ActionKind.COMMUNICATION && !isWithdrawn(known, action)) {
                if (action.communicationKind() == CommunicationKind.DECLARATION) {
                    row.declarations.add(action.text());
                } else if (action.communicationKind() == CommunicationKind.RESERVATION) {
                    row.reservations.add(action.text());
                }
            }
        }
        List<ParticipantView> views = new ArrayList<>();
        for (Row row : rows.values()) {
            views.add(row.view(entryIntoForce, asOf, known));
        }
        views = withReioWithdrawals(views);
        views.sort(Comparator.comparing(ParticipantView::name));
        return new Status(treatyView(definition, asOf, entryIntoForce, instruments.size(), views), views);
    }

    private TreatyStatusView treatyView(
            TreatyDefinition definition,
            LocalDate asOf,
            EntryIntoForce.Result result,
            int deposited,
            List<ParticipantView> views) {
        LocalDate general = result.entryIntoForceOn();
        String thresholdParticipant =
                result.thresholdReached() ? result.thresholdInstrument().participant() : null;
        return new TreatyStatusView(
                definition.id(),
                definition.reference(),
                definition.title(),
                asOf,
                definition.entryIntoForce().instrumentsRequired(),
                result.counted(),
                deposited,
                (int) views.stream().filter(v -> v.signedOn() != null).count(),
                count(views, ParticipantStatus.CONTRACTING),
                count(views, ParticipantStatus.PARTY),
                result.thresholdReachedOn(),
                thresholdParticipant,
                general,
                general != null && !general.isAfter(asOf),
                TreatyRules.isOpenForSignature(definition, asOf),
                explain(definition, result));
    }

    private String explain(TreatyDefinition definition, EntryIntoForce.Result result) {
        var clause = definition.entryIntoForce();
        String counting = clause.reioInstrumentsCount()
                ? ""
                : " (instruments of regional economic integration organizations are not counted)";
        if (!result.thresholdReached()) {
            int missing = clause.instrumentsRequired() - result.counted();
            return result.counted() + " of " + clause.instrumentsRequired() + " instruments counted" + counting + "; "
                    + missing + " more needed. The treaty enters into force on the " + ordinal(
                            clause.daysAfterThreshold()) + " day after the date of deposit of the "
                    + ordinal(clause.instrumentsRequired()) + " instrument.";
        }
        return "Enters into force on " + result.entryIntoForceOn() + ": the " + ordinal(clause.daysAfterThreshold())
                + " day after the date of deposit of the " + ordinal(clause.instrumentsRequired()) + " instrument"
                + counting + ", deposited by " + registry.nameOf(result.thresholdInstrument().participant())
                + " on " + result.thresholdReachedOn() + ". For an instrument deposited later: the "
                + ordinal(clause.daysAfterLaterInstrument())
                + " day after its deposit, or the general date if that is later.";
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** DOMAIN.md rule 6: a REIO ceases to be a Party when all of its member States have withdrawn. */
    private List<ParticipantView> withReioWithdrawals(List<ParticipantView> views) {
        Map<String, ParticipantStatus> statuses = new TreeMap<>();
        views.forEach(v -> statuses.put(v.participant(), v.status()));
        List<ParticipantView> result = new ArrayList<>();
        for (ParticipantView view : views) {
            boolean allMembersWithdrawn = registry.isReio(view.participant())
                    && view.status() == ParticipantStatus.PARTY
                    && registry.membersOf(view.participant()).stream()
                            .allMatch(m -> statuses.get(m) == ParticipantStatus.WITHDRAWN);
            result.add(allMembersWithdrawn ? withStatus(view, ParticipantStatus.WITHDRAWN) : view);
        }
        return result;
    }

    private static ParticipantView withStatus(ParticipantView v, ParticipantStatus status) {
        return new ParticipantView(v.participant(), v.name(), v.signedOn(), v.signedAt(), v.instrument(),
                v.entryIntoForceOn(), status, v.denunciationReceivedOn(), v.denunciationEffectiveOn(),
                v.declarations(), v.reservations());
    }

    private static boolean isWithdrawn(List<Action> known, Action target) {
        return known.stream()
                .anyMatch(a -> a.communicationKind() == CommunicationKind.WITHDRAWAL
                        && target.recordId().equals(a.refersTo()));
    }

    private static int count(List<ParticipantView> views, ParticipantStatus status) {
        return (int) views.stream().filter(v -> v.status() == status).count();
    }

    private static List<Action> ofKind(List<Action> actions, ActionKind kind) {
        return actions.stream().filter(a -> a.kind() == kind).toList();
    }

    /** One participant's actions, folded in date order. */
    private final class Row {
        private final String participant;
        private Action signature;
        private Action instrument;
        private Action denunciation;
        private final List<String> declarations = new ArrayList<>();
        private final List<String> reservations = new ArrayList<>();

        Row(String participant) {
            this.participant = participant;
        }

        void add(Action action) {
            switch (action.kind()) {
                case SIGNATURE -> signature = signature == null ? action : signature;
                case INSTRUMENT -> {
                    instrument = action;
                    if (denunciation != null && denunciation.date().isBefore(action.date())) {
                        denunciation = null; // joined again after the denunciation took effect
                    }
                }
                case DENUNCIATION -> denunciation = action;
                default -> {}
            }
        }

        ParticipantView view(EntryIntoForce.Result result, LocalDate asOf, List<Action> known) {
            LocalDate inForce = instrument == null ? null : result.entryIntoForceFor(instrument.date());
            ParticipantStatus status;
            if (denunciation != null && !denunciation.effectiveOn().isAfter(asOf)) {
                status = ParticipantStatus.WITHDRAWN;
            } else if (inForce != null && !inForce.isAfter(asOf)) {
                status = ParticipantStatus.PARTY;
            } else if (instrument != null) {
                status = ParticipantStatus.CONTRACTING;
            } else {
                status = ParticipantStatus.SIGNATORY;
            }
            List<String> allDeclarations = new ArrayList<>();
            List<String> allReservations = new ArrayList<>();
            if (instrument != null && !isWithdrawn(known, instrument)) {
                allDeclarations.addAll(instrument.declarations());
                allReservations.addAll(instrument.reservations());
            }
            allDeclarations.addAll(declarations);
            allReservations.addAll(reservations);
            return new ParticipantView(
                    participant,
                    registry.nameOf(participant),
                    signature == null ? null : signature.date(),
                    signature == null ? null : signature.place(),
                    instrument == null
                            ? null
                            : new InstrumentView(instrument.instrumentType(), instrument.instrumentType().letter(),
                                    instrument.date(), instrument.recordId()),
                    inForce,
                    status,
                    denunciation == null ? null : denunciation.date(),
                    denunciation == null ? null : denunciation.effectiveOn(),
                    List.copyOf(allDeclarations),
                    List.copyOf(allReservations));
        }
    }
}
