package org.ratification.ledger.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ratification.ledger.core.api.AmendmentView;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.InstrumentView;
import org.ratification.ledger.core.api.IrregularityView;
import org.ratification.ledger.core.api.ParticipantStatus;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.api.ReservationView;
import org.ratification.ledger.core.api.SuccessionClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyStatusView;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/**
 * A treaty's status on a legal date, computed from its action records: only live actions dated on
 * or before that date count. Used by the status read model, by time travel and by the offline
 * verifier, so all three give the same answer for the same facts.
 */
public final class StatusCalculator {

    /**
     * The treaty line and its participants table, ordered by participant name; {@code counted} the
     * instruments that count toward the threshold by then, in the order they count (one per
     * participant: {@link EntryIntoForce#counted}), as many as {@code treaty.instrumentsCounted()}.
     */
    public record Status(
            TreatyStatusView treaty, List<ParticipantView> participants, List<EntryIntoForce.Instrument> counted) {

        public Status {
            counted = List.copyOf(counted);
        }

        /** A status whose counted instruments are not listed. */
        public Status(TreatyStatusView treaty, List<ParticipantView> participants) {
            this(treaty, participants, List.of());
        }

        public Optional<ParticipantView> participant(String code) {
            return participants.stream()
                    .filter(p -> p.participant().equals(code))
                    .findFirst();
        }
    }

    private final ParticipantRegistry registry;

    public StatusCalculator(ParticipantRegistry registry) {
        this.registry = registry;
    }

    public static EntryIntoForce.Result entryIntoForce(
            TreatyDefinition definition, Collection<Action> instruments, ParticipantRegistry registry) {
        return EntryIntoForce.compute(definition.entryIntoForce(), arithmetic(instruments, registry));
    }

    /** Instruments as the entry-into-force arithmetic sees them. */
    private static List<EntryIntoForce.Instrument> arithmetic(
            Collection<Action> instruments, ParticipantRegistry registry) {
        return instruments.stream()
                .map(i -> new EntryIntoForce.Instrument(
                        i.participant(), registry.isReio(i.participant()), i.date(), i.instrumentType()))
                .toList();
    }

    public Status asOf(TreatyDefinition definition, Collection<Action> actions, LocalDate asOf) {
        return asOf(definition, actions, asOf, null);
    }

    /**
     * The status of a treaty on {@code asOf}; for a protocol, {@code parent} is the parent treaty's
     * status on the same date: the protocol never enters into force before the parent, nor for a
     * participant before the parent does for it.
     */
    public Status asOf(TreatyDefinition definition, Collection<Action> actions, LocalDate asOf, Status parent) {
        List<Action> known = actions.stream()
                .filter(Action::live)
                .filter(a -> !a.date().isAfter(asOf))
                .sorted(Comparator.comparing(Action::date))
                .toList();
        List<Action> instruments = ofKind(known, ActionKind.INSTRUMENT);
        EntryIntoForce.Result entryIntoForce = entryIntoForce(definition, instruments, registry);
        Set<String> withdrawn = withdrawnRecords(known);

        Map<String, Row> rows = new TreeMap<>();
        for (Action action : known) {
            if (action.kind() != ActionKind.COMMUNICATION && action.kind() != ActionKind.AMENDMENT) {
                rows.computeIfAbsent(action.participant(), Row::new).add(action);
            }
        }
        for (Action action : known) {
            Row row = action.participant() == null ? null : rows.get(action.participant());
            if (row != null && action.kind() == ActionKind.COMMUNICATION && !withdrawn.contains(action.recordId())) {
                if (action.communicationKind() == CommunicationKind.DECLARATION) {
                    row.declarations.add(action.text());
                } else if (action.communicationKind() == CommunicationKind.RESERVATION) {
                    row.reservations.add(action.text());
                } else if (action.communicationKind() == CommunicationKind.TERRITORIAL_APPLICATION) {
                    row.territories.addAll(action.territories());
                }
            }
        }
        Context context = new Context(definition, entryIntoForce, parent, asOf, known, withdrawn);
        List<ParticipantView> views = new ArrayList<>();
        for (Row row : rows.values()) {
            views.add(row.view(context));
        }
        views = withReioWithdrawals(views);
        views.sort(Comparator.comparing(ParticipantView::name));
        return new Status(
                treatyView(context, instruments.size(), views),
                views,
                EntryIntoForce.counted(definition.entryIntoForce(), arithmetic(instruments, registry)));
    }

    /** What every row of one computation shares. */
    private record Context(
            TreatyDefinition definition,
            EntryIntoForce.Result entryIntoForce,
            Status parent,
            LocalDate asOf,
            List<Action> known,
            Set<String> withdrawn) {

        /** The general date, never before the parent's for a protocol. */
        LocalDate generalDate() {
            LocalDate own = entryIntoForce.entryIntoForceOn();
            return parent == null ? own : later(own, parent.treaty().entryIntoForceOn());
        }

        LocalDate entryIntoForceFor(Action instrument) {
            LocalDate own;
            SuccessionClause succession =
                    definition.succession() == null ? SuccessionClause.standard() : definition.succession();
            if (instrument.instrumentType() == InstrumentType.SUCCESSION
                    && succession.fromDateOfSuccession()
                    && instrument.boundFrom() != null) {
                own = entryIntoForce.thresholdReached()
                        ? later(entryIntoForce.entryIntoForceOn(), instrument.boundFrom())
                        : null;
            } else {
                own = entryIntoForce.entryIntoForceFor(instrument.date());
            }
            if (parent == null) {
                return own;
            }
            LocalDate parentOwn = parent.participant(instrument.participant())
                    .map(ParticipantView::entryIntoForceOn)
                    .orElse(null);
            return later(later(own, parent.treaty().entryIntoForceOn()), parentOwn);
        }

        /** For a protocol whose clause follows the parent: when the parent's denunciation ends it. */
        LocalDate parentDenunciationEffective(String participant) {
            if (parent == null || !definition.denunciation().followsParent()) {
                return null;
            }
            return parent.participant(participant)
                    .map(ParticipantView::denunciationEffectiveOn)
                    .orElse(null);
        }

        /** The later of two dates; null if either is unknown. */
        private static LocalDate later(LocalDate a, LocalDate b) {
            if (a == null || b == null) {
                return null;
            }
            return a.isAfter(b) ? a : b;
        }
    }

    /**
     * Every reservation made by {@code asOf}, with the objections to it and whether each came within
     * the twelve months after the reservation's notification. Late objections are listed and flagged.
     */
    public List<ReservationView> reservations(Collection<Action> actions, LocalDate asOf) {
        List<Action> known = actions.stream()
                .filter(Action::live)
                .filter(a -> !a.date().isAfter(asOf))
                .sorted(Comparator.comparing(Action::date))
                .toList();
        Set<String> withdrawn = withdrawnRecords(known);
        List<ReservationView> result = new ArrayList<>();
        for (Action reservation : known) {
            if (!reservation.statesReservation()) {
                continue;
            }
            LocalDate periodEnds = reservation.date().plusMonths(OBJECTION_PERIOD_MONTHS);
            List<ReservationView.Objection> objections = known.stream()
                    .filter(a -> a.communicationKind() == CommunicationKind.OBJECTION
                            && reservation.recordId().equals(a.refersTo()))
                    .map(a -> new ReservationView.Objection(
                            a.recordId(),
                            a.participant(),
                            a.date(),
                            a.text(),
                            !a.date().isAfter(periodEnds)))
                    .toList();
            List<String> texts = reservation.communicationKind() == CommunicationKind.RESERVATION
                    ? List.of(reservation.text())
                    : reservation.reservations();
            result.add(new ReservationView(
                    reservation.recordId(),
                    reservation.participant(),
                    reservation.date(),
                    texts,
                    withdrawn.contains(reservation.recordId()),
                    periodEnds,
                    objections));
        }
        return result;
    }

    /** Vienna Convention on the Law of Treaties, art. 20(5). */
    public static final int OBJECTION_PERIOD_MONTHS = 12;

    private TreatyStatusView treatyView(Context context, int deposited, List<ParticipantView> views) {
        TreatyDefinition definition = context.definition();
        LocalDate asOf = context.asOf();
        EntryIntoForce.Result result = context.entryIntoForce();
        LocalDate general = context.generalDate();
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
                TreatyRules.isOpenForSignature(definition, asOf, general),
                explain(definition, result) + explainParent(context));
    }

    private String explain(TreatyDefinition definition, EntryIntoForce.Result result) {
        var clause = definition.entryIntoForce();
        String counting = clause.reioInstrumentsCount()
                ? ""
                : " (instruments of regional economic integration organizations are not counted)";
        String rule = ClauseText.generalRule(clause, registry::nameOf);
        String progress = ClauseText.progress(clause, result, registry::nameOf);
        if (!result.thresholdReached()) {
            int missing = clause.instrumentsRequired() - result.counted();
            // with enough instruments, what is missing is a named participant or the weighted share
            String count = missing > 0
                    ? result.counted() + " of " + clause.instrumentsRequired() + " instruments counted" + counting
                            + "; " + missing + " more needed."
                    : result.counted() + " instruments counted" + counting + "; the required number ("
                            + clause.instrumentsRequired() + ") is reached.";
            return count + progress + " The treaty enters into force on " + rule + ".";
        }
        return "Enters into force on " + result.entryIntoForceOn() + ": " + rule + counting
                + ", deposited by "
                + registry.nameOf(result.thresholdInstrument().participant())
                + " on " + result.thresholdReachedOn() + "." + progress + " "
                + ClauseText.laterRule(clause);
    }

    private static String explainParent(Context context) {
        if (context.parent() == null) {
            return "";
        }
        LocalDate parentDate = context.parent().treaty().entryIntoForceOn();
        return " A protocol does not enter into force before its parent treaty ("
                + context.parent().treaty().id()
                + (parentDate == null ? ", not yet in force)" : ", in force on " + parentDate + ")")
                + ", nor for a participant before the parent does for it.";
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
        return v.withStatus(status);
    }

    /** The records that a withdrawal among {@code known} refers to (computed once: a treaty has hundreds). */
    private static Set<String> withdrawnRecords(List<Action> known) {
        Set<String> withdrawn = new HashSet<>();
        for (Action a : known) {
            if (a.communicationKind() == CommunicationKind.WITHDRAWAL && a.refersTo() != null) {
                withdrawn.add(a.refersTo());
            }
        }
        return withdrawn;
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
        private final List<String> territories = new ArrayList<>();
        private final List<Action> amendmentInstruments = new ArrayList<>();

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
                case AMENDMENT_INSTRUMENT -> amendmentInstruments.add(action);
                default -> {}
            }
        }

        ParticipantView view(Context context) {
            LocalDate asOf = context.asOf();
            List<Action> known = context.known();
            LocalDate inForce = instrument == null ? null : context.entryIntoForceFor(instrument);
            LocalDate receivedOn = denunciation == null ? null : denunciation.date();
            LocalDate effectiveOn = denunciation == null ? null : denunciation.effectiveOn();
            LocalDate followsParent = context.parentDenunciationEffective(participant);
            if (followsParent != null && (effectiveOn == null || followsParent.isBefore(effectiveOn))) {
                effectiveOn = followsParent;
            }
            ParticipantStatus status;
            if (effectiveOn != null && !effectiveOn.isAfter(asOf)) {
                status = ParticipantStatus.WITHDRAWN;
            } else if (inForce != null && !inForce.isAfter(asOf)) {
                status = ParticipantStatus.PARTY;
            } else if (instrument != null) {
                status = ParticipantStatus.CONTRACTING;
            } else {
                status = ParticipantStatus.SIGNATORY;
            }
            var clause = context.definition().amendments();
            List<AmendmentView> amendments = amendmentInstruments.stream()
                    .map(a -> {
                        LocalDate binds = clause == null ? null : a.date().plusDays(clause.daysAfterInstrument());
                        return new AmendmentView(
                                a.amendmentId(), a.date(), binds, binds != null && !binds.isAfter(asOf));
                    })
                    .toList();
            List<String> allDeclarations = new ArrayList<>();
            List<String> allReservations = new ArrayList<>();
            if (instrument != null) {
                // a withdrawal referring to an instrument withdraws the reservations made upon it, or,
                // where it made none, its declarations: a declaration of competence survives the
                // withdrawal of a reservation
                boolean withdrawn = context.withdrawn().contains(instrument.recordId());
                boolean reservationsWithdrawn =
                        withdrawn && !instrument.reservations().isEmpty();
                if (!withdrawn || reservationsWithdrawn) {
                    allDeclarations.addAll(instrument.declarations());
                }
                if (!reservationsWithdrawn) {
                    allReservations.addAll(instrument.reservations());
                }
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
                            : new InstrumentView(
                                    instrument.instrumentType(),
                                    instrument.instrumentType().letter(),
                                    instrument.date(),
                                    instrument.recordId(),
                                    instrument.predecessor(),
                                    instrument.boundFrom()),
                    inForce,
                    status,
                    receivedOn,
                    effectiveOn,
                    List.copyOf(allDeclarations),
                    List.copyOf(allReservations),
                    List.copyOf(territories),
                    amendments,
                    signature != null && signature.isSignatureBySuccession() ? "d" : null,
                    signature == null ? null : signature.predecessor(),
                    irregularities());
        }

        /** The acknowledged irregularities of the row's signature and instrument, the row's footnotes. */
        private List<IrregularityView> irregularities() {
            List<IrregularityView> found = new ArrayList<>();
            for (Action action : java.util.Arrays.asList(signature, instrument)) {
                if (action != null && action.irregularity() != null) {
                    found.add(new IrregularityView(
                            action.recordId(),
                            action.kind().name(),
                            action.irregularity().code(),
                            action.irregularity().note()));
                }
            }
            return found;
        }
    }
}
