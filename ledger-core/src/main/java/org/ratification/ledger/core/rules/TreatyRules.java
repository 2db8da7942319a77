package org.ratification.ledger.core.rules;

import static java.util.stream.Collectors.groupingBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.Irregularity;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/**
 * The treaty's rules (DOMAIN.md rules 1-4, 6 and 9) checked over a whole set of facts. The
 * aggregate tries each decision (a new record, a correction, a retraction) on its facts with the
 * record applied and refuses it if any rule is broken; checking the whole set means a correction can
 * never leave the record in a state that a sequence of fresh records could not have reached. A new
 * communication on facts that broke no rule is checked only where it can break one (the common case
 * on a big treaty), with the same answer.
 */
public final class TreatyRules {

    /** A broken rule and the record it is about. */
    public record Violation(String recordId, Rejection rejection) {}

    private static final Comparator<Action> BY_DATE_THEN_RECORDING = Comparator.comparing(Action::date);

    private final ParticipantRegistry registry;

    public TreatyRules(ParticipantRegistry registry) {
        this.registry = registry;
    }

    /** The first violation about {@code recordId}, else the first of all, else empty. */
    public Optional<Rejection> check(TreatyFacts facts, String recordId) {
        return check(facts, recordId, null);
    }

    /** As {@link #check(TreatyFacts, String)}, for a protocol whose parent treaty has {@code parent} facts. */
    public Optional<Rejection> check(TreatyFacts facts, String recordId, TreatyFacts parent) {
        List<Violation> violations = violations(facts, parent, Set.of(recordId));
        return violations.stream()
                .filter(v -> v.recordId().equals(recordId))
                .findFirst()
                .or(() -> violations.stream().findFirst())
                .map(Violation::rejection);
    }

    /**
     * As {@link #check(TreatyFacts, String, TreatyFacts)}, where {@code clean} says that the facts broke
     * no rule before {@code recordId} was added. A new communication then breaks a rule only in its own
     * check or in that of a communication referring to the same record (a withdrawal withdraws an
     * objection's target and counts among its withdrawals): its id is new, so no earlier record refers
     * to it, and no other rule reads communications. When those checks pass that is the answer;
     * anything else (another kind of record, a correction, a retraction, a check that fails) is checked
     * in full, so the answer is always the full check's ({@code IncrementalCheckProperties}).
     */
    public Optional<Rejection> check(TreatyFacts facts, String recordId, TreatyFacts parent, boolean clean) {
        Action record = facts.action(recordId).orElse(null);
        if (clean
                && parent == null
                && record != null
                && record.kind() == ActionKind.COMMUNICATION
                && record.irregularity() == null) {
            List<Violation> found = new ArrayList<>();
            checkAction(facts, record, found);
            List<Action> affected = record.refersTo() == null ? List.of(record) : facts.referringTo(record.refersTo());
            for (Action communication : affected) {
                if (found.isEmpty()) {
                    checkCommunication(facts, communication, found);
                }
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
        }
        return check(facts, recordId, parent);
    }

    public List<Violation> violations(TreatyFacts facts) {
        return violations(facts, null);
    }

    /** Every violation of the rules that no record's acknowledged irregularity overrides. */
    public List<Violation> violations(TreatyFacts facts, TreatyFacts parent) {
        return violations(facts, parent, Set.of());
    }

    /**
     * As {@link #violations(TreatyFacts, TreatyFacts)}; and each record of {@code decided} (the records
     * being recorded now) that carries an acknowledgement must acknowledge a refusal that the rules
     * do raise about it: {@code IRREGULARITY_NOT_ACKNOWLEDGEABLE} for a code the depositary may not
     * override, {@code IRREGULARITY_NOT_PRESENT} for one the rules do not raise, so that nobody
     * records an acknowledgement in advance. Records already recorded are not asked again: a later
     * correction or retraction may make their acknowledgement needless, which refuses nothing.
     */
    public List<Violation> violations(TreatyFacts facts, TreatyFacts parent, Collection<String> decided) {
        List<Violation> raw = unacknowledged(facts, parent);
        // a wrong acknowledgement is reported first: it is what the request got wrong
        List<Violation> found = new ArrayList<>();
        for (String recordId : decided) {
            Irregularity irregularity =
                    facts.action(recordId).map(Action::irregularity).orElse(null);
            if (irregularity == null) {
                continue;
            }
            if (!ACKNOWLEDGEABLE.contains(irregularity.code())) {
                found.add(new Violation(
                        recordId,
                        Rejection.rule(
                                "IRREGULARITY_NOT_ACKNOWLEDGEABLE",
                                "'" + irregularity.code()
                                        + "' is not a refusal the depositary may override; these are: "
                                        + String.join(", ", new java.util.TreeSet<>(ACKNOWLEDGEABLE)) + ".")));
            } else if (raw.stream()
                    .noneMatch(v -> v.recordId().equals(recordId)
                            && v.rejection().code().equals(irregularity.code()))) {
                found.add(new Violation(
                        recordId,
                        Rejection.rule(
                                "IRREGULARITY_NOT_PRESENT",
                                "The record acknowledges the irregularity " + irregularity.code()
                                        + ", but the treaty's rules do not refuse it for that reason"
                                        + refusedFor(raw, recordId) + ".")));
            }
        }
        for (Violation v : raw) {
            if (!acknowledges(
                    facts.action(v.recordId()).orElse(null), v.rejection().code())) {
                found.add(v);
            }
        }
        return found;
    }

    /**
     * The refusals the depositary may override by acknowledging them on the record they are about:
     * the rules of signature and consent that published histories are known to break (an accession by
     * a signatory, an instrument without signature, a signature outside the period, the REIO and
     * protocol conditions). Unknown or former participants, dates, duplicates, denunciations and
     * communications are never overridden: the read models rely on them.
     */
    public static final Set<String> ACKNOWLEDGEABLE = Set.of(
            "SIGNATORY_MUST_RATIFY",
            "NOT_SIGNED",
            "SIGNATURE_PERIOD_CLOSED",
            "SIGNATURE_PERIOD_NOT_OPEN",
            "REIO_MEMBER_NOT_SIGNED",
            "REIO_MEMBER_NOT_BOUND",
            "REIO_COMPETENCE_NOT_DECLARED",
            "NOT_PARTY_TO_PARENT");

    /** The acknowledgeable refusals that are about a signature (the others are about an instrument). */
    public static final Set<String> ABOUT_SIGNATURES =
            Set.of("SIGNATURE_PERIOD_CLOSED", "SIGNATURE_PERIOD_NOT_OPEN", "REIO_MEMBER_NOT_SIGNED");

    /** "; they refuse it for: A, B" (the codes the rules raise about the record), or that they refuse nothing. */
    private static String refusedFor(List<Violation> raw, String recordId) {
        List<String> codes = raw.stream()
                .filter(v -> v.recordId().equals(recordId))
                .map(v -> v.rejection().code())
                .distinct()
                .toList();
        return codes.isEmpty()
                ? "; they do not refuse it at all: record it without 'irregularity'"
                : "; they refuse it for: " + String.join(", ", codes);
    }

    private static boolean acknowledges(Action action, String code) {
        return action != null
                && action.irregularity() != null
                && action.irregularity().code().equals(code)
                && ACKNOWLEDGEABLE.contains(code);
    }

    private List<Violation> unacknowledged(TreatyFacts facts, TreatyFacts parent) {
        List<Violation> found = new ArrayList<>();
        for (Action action : live(facts, a -> a.kind() != ActionKind.AMENDMENT)) {
            checkAction(facts, action, found);
        }
        if (!found.isEmpty()) {
            return found;
        }
        checkSignatures(facts, found);
        checkInstruments(facts, found);
        checkDenunciations(facts, found);
        checkCommunications(facts, found);
        checkAmendments(facts, found);
        if (parent != null) {
            checkParent(facts, parent, found);
        }
        return found;
    }

    /** A participant known and in existence on the action's date, a date not before adoption. */
    private void checkAction(TreatyFacts facts, Action action, List<Violation> found) {
        if (!registry.isKnown(action.participant())) {
            found.add(new Violation(
                    action.recordId(),
                    Rejection.rule(
                            "UNKNOWN_PARTICIPANT",
                            "No State or organization with code '" + action.participant()
                                    + "' is known to the ledger.")));
        } else if (!registry.existedOn(action.participant(), action.date())) {
            var former = registry.find(action.participant()).orElseThrow();
            found.add(new Violation(
                    action.recordId(),
                    Rejection.rule(
                            "PARTICIPANT_NOT_IN_EXISTENCE",
                            former.name() + " existed from " + former.existedFrom() + " to "
                                    + former.existedUntil() + "; an action dated " + action.date()
                                    + " is outside that period.")));
        } else if (action.date().isBefore(facts.definition().adoptedOn())) {
            found.add(new Violation(
                    action.recordId(),
                    Rejection.rule(
                            "DATE_BEFORE_ADOPTION",
                            "The date " + action.date() + " is before the adoption of the treaty on "
                                    + facts.definition().adoptedOn() + ".")));
        }
    }

    /** A protocol binds only participants bound by the parent treaty on the date of deposit. */
    private void checkParent(TreatyFacts facts, TreatyFacts parent, List<Violation> found) {
        Map<String, List<Action>> parentInstruments = byParticipant(parent, ActionKind.INSTRUMENT);
        Map<String, List<Action>> parentDenunciations = byParticipant(parent, ActionKind.DENUNCIATION);
        for (Action instrument : facts.live(ActionKind.INSTRUMENT)) {
            boolean bound = parentInstruments.getOrDefault(instrument.participant(), List.of()).stream()
                    .filter(p -> !p.date().isAfter(instrument.date()))
                    .anyMatch(p -> parentDenunciations.getOrDefault(p.participant(), List.of()).stream()
                            .noneMatch(d -> !d.date().isBefore(p.date())
                                    && !d.effectiveOn().isAfter(instrument.date())));
            if (!bound) {
                found.add(new Violation(
                        instrument.recordId(),
                        Rejection.rule(
                                "NOT_PARTY_TO_PARENT",
                                name(instrument) + " has no instrument for the parent treaty '"
                                        + parent.definition().id()
                                        + "' deposited on or before " + instrument.date()
                                        + "; to become a Party to a protocol, a participant must also be a Party to the"
                                        + " parent treaty (or deposit for both on the same day).")));
            }
        }
    }

    /** DOMAIN.md rule 7: amendments as the treaty's amendment clause allows. */
    private void checkAmendments(TreatyFacts facts, List<Violation> found) {
        List<Action> adoptions = facts.live(ActionKind.AMENDMENT);
        var clause = facts.definition().amendments();
        EntryIntoForce.Result entryIntoForce =
                StatusCalculator.entryIntoForce(facts.definition(), facts.live(ActionKind.INSTRUMENT), registry);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Action adoption : adoptions) {
            if (!ids.add(adoption.amendmentId())) {
                found.add(new Violation(
                        adoption.recordId(),
                        Rejection.conflict(
                                "AMENDMENT_EXISTS",
                                "An amendment '" + adoption.amendmentId() + "' is already recorded.")));
            } else if (clause == null) {
                found.add(new Violation(
                        adoption.recordId(),
                        Rejection.rule(
                                "AMENDMENTS_NOT_PROVIDED", "This treaty's definition has no amendment clause.")));
            } else if (!entryIntoForce.thresholdReached()
                    || adoption.date()
                            .isBefore(entryIntoForce.entryIntoForceOn().plusYears(clause.proposalAfterYears()))) {
                found.add(new Violation(
                        adoption.recordId(),
                        Rejection.rule(
                                "AMENDMENT_TOO_EARLY",
                                "An amendment may be adopted only " + clause.proposalAfterYears()
                                        + " years after the treaty's entry into force"
                                        + (entryIntoForce.thresholdReached()
                                                ? " (" + entryIntoForce.entryIntoForceOn() + "), that is from "
                                                        + entryIntoForce
                                                                .entryIntoForceOn()
                                                                .plusYears(clause.proposalAfterYears())
                                                : "; the treaty is not in force")
                                        + ".")));
            }
        }
        Map<String, List<Action>> amendmentInstruments = facts.live(ActionKind.AMENDMENT_INSTRUMENT).stream()
                .sorted(BY_DATE_THEN_RECORDING)
                .collect(groupingBy(a -> a.participant() + "/" + a.amendmentId()));
        for (List<Action> own : amendmentInstruments.values()) {
            for (Action duplicate : own.subList(1, own.size())) {
                found.add(new Violation(
                        duplicate.recordId(),
                        Rejection.conflict(
                                "ALREADY_DEPOSITED",
                                name(duplicate) + " already deposited an instrument for amendment '"
                                        + duplicate.amendmentId() + "' on "
                                        + own.get(0).date() + ".")));
            }
            Action instrument = own.get(0);
            boolean adopted = adoptions.stream()
                    .anyMatch(a -> a.amendmentId().equals(instrument.amendmentId())
                            && !a.date().isAfter(instrument.date()));
            if (!adopted) {
                found.add(new Violation(
                        instrument.recordId(),
                        Rejection.rule(
                                "UNKNOWN_AMENDMENT",
                                "No amendment '" + instrument.amendmentId() + "' was adopted on or before "
                                        + instrument.date() + ".")));
            } else if (instrument.instrumentType() == InstrumentType.ACCESSION
                    || instrument.instrumentType() == InstrumentType.SUCCESSION
                    || instrument.instrumentType() == InstrumentType.DEFINITIVE_SIGNATURE) {
                found.add(new Violation(
                        instrument.recordId(),
                        Rejection.rule(
                                "INVALID_AMENDMENT_INSTRUMENT",
                                "An amendment is ratified, accepted, approved or formally confirmed; not acceded to,"
                                        + " succeeded to or signed definitively.")));
            } else if (!isParty(facts, entryIntoForce, instrument.participant(), instrument.date())) {
                found.add(new Violation(
                        instrument.recordId(),
                        Rejection.rule(
                                "NOT_A_PARTY",
                                name(instrument) + " is not a Party on " + instrument.date()
                                        + "; only Parties deposit instruments for an amendment.")));
            }
        }
    }

    private boolean isParty(TreatyFacts facts, EntryIntoForce.Result entryIntoForce, String participant, LocalDate on) {
        Optional<Action> instrument = facts.live(ActionKind.INSTRUMENT).stream()
                .filter(i -> i.participant().equals(participant) && !i.date().isAfter(on))
                .max(BY_DATE_THEN_RECORDING);
        if (instrument.isEmpty()) {
            return false;
        }
        LocalDate inForce = entryIntoForce.entryIntoForceFor(instrument.get().date());
        boolean withdrawn = facts.live(ActionKind.DENUNCIATION).stream()
                .anyMatch(d -> d.participant().equals(participant)
                        && !d.date().isBefore(instrument.get().date())
                        && !d.effectiveOn().isAfter(on));
        return inForce != null && !inForce.isAfter(on) && !withdrawn;
    }

    private void checkSignatures(TreatyFacts facts, List<Violation> found) {
        TreatyDefinition definition = facts.definition();
        Map<String, List<Action>> byParticipant = byParticipant(facts, ActionKind.SIGNATURE);
        LocalDate general = definition.signature().closesWithEntryIntoForce()
                ? StatusCalculator.entryIntoForce(definition, facts.live(ActionKind.INSTRUMENT), registry)
                        .entryIntoForceOn()
                : null;
        for (List<Action> signatures : byParticipant.values()) {
            for (Action duplicate : signatures.subList(1, signatures.size())) {
                found.add(new Violation(
                        duplicate.recordId(),
                        Rejection.conflict(
                                "ALREADY_SIGNED",
                                name(duplicate) + " already signed the treaty on "
                                        + signatures.get(0).date() + ".")));
            }
            Action signature = signatures.get(0);
            if (signature.isSignatureBySuccession()) {
                // a successor State succeeds to its predecessor's signature, whenever it notifies it
                if (signature.predecessor().equals(signature.participant())) {
                    found.add(new Violation(
                            signature.recordId(),
                            Rejection.rule(
                                    "INVALID_PREDECESSOR",
                                    name(signature)
                                            + " cannot succeed to its own signature; name the predecessor State.")));
                }
            } else if (!isOpenForSignature(definition, signature.date(), general)) {
                found.add(new Violation(
                        signature.recordId(),
                        outsideSignaturePeriod(
                                definition,
                                signature.date(),
                                "The treaty is open for signature from "
                                        + definition.signature().opensOn() + " " + until(definition, general)
                                        + "; a signature dated " + signature.date()
                                        + " is outside that period.")));
            }
            if (registry.isReio(signature.participant())
                    && !anyMember(byParticipant, signature.participant(), signature.date())) {
                found.add(new Violation(
                        signature.recordId(),
                        Rejection.rule(
                                "REIO_MEMBER_NOT_SIGNED",
                                name(signature)
                                        + " may sign only once at least one of its member States has signed.")));
            }
        }
    }

    private void checkInstruments(TreatyFacts facts, List<Violation> found) {
        Map<String, List<Action>> signatures = byParticipant(facts, ActionKind.SIGNATURE);
        Map<String, List<Action>> instruments = byParticipant(facts, ActionKind.INSTRUMENT);
        Map<String, List<Action>> denunciations = byParticipant(facts, ActionKind.DENUNCIATION);
        java.util.function.Supplier<LocalDate> general =
                () -> facts.definition().signature().closesWithEntryIntoForce()
                        ? StatusCalculator.entryIntoForce(
                                        facts.definition(), facts.live(ActionKind.INSTRUMENT), registry)
                                .entryIntoForceOn()
                        : null;
        for (List<Action> own : instruments.values()) {
            Action previous = null;
            for (Action instrument : own) {
                Optional<Action> signature = first(signatures.get(instrument.participant()));
                if (instrument.instrumentType() == InstrumentType.SUCCESSION) {
                    if (instrument.boundFrom() != null && instrument.boundFrom().isAfter(instrument.date())) {
                        found.add(new Violation(
                                instrument.recordId(),
                                Rejection.rule(
                                        "BOUND_FROM_AFTER_NOTIFICATION",
                                        "The date from which " + name(instrument) + " considers itself bound ("
                                                + instrument.boundFrom()
                                                + ") is after its notification of succession.")));
                    }
                } else if (instrument.instrumentType() == InstrumentType.DEFINITIVE_SIGNATURE) {
                    signature.ifPresent(s -> found.add(new Violation(
                            instrument.recordId(),
                            Rejection.conflict(
                                    "ALREADY_SIGNED",
                                    name(instrument) + " signed the treaty on " + s.date()
                                            + "; a signatory deposits an instrument of ratification, acceptance or"
                                            + " approval, not a definitive signature."))));
                    if (!isOpenForSignature(facts.definition(), instrument.date(), general.get())) {
                        found.add(new Violation(
                                instrument.recordId(),
                                outsideSignaturePeriod(
                                        facts.definition(),
                                        instrument.date(),
                                        "A definitive signature is a signature: the treaty is open for signature from "
                                                + facts.definition().signature().opensOn() + " "
                                                + until(facts.definition(), general.get()) + "; "
                                                + instrument.date() + " is outside that period.")));
                    }
                } else if (instrument.instrumentType() == InstrumentType.ACCESSION) {
                    signature.ifPresent(
                            s -> found.add(new Violation(instrument.recordId(), accessionBySignatory(instrument, s))));
                } else if (signature.isEmpty() || signature.get().date().isAfter(instrument.date())) {
                    found.add(new Violation(
                            instrument.recordId(),
                            Rejection.rule(
                                    "NOT_SIGNED",
                                    name(instrument) + " has not signed the treaty on or before " + instrument.date()
                                            + "; an instrument of " + word(instrument.instrumentType())
                                            + " must follow a signature. A participant that did not sign accedes.")));
                }
                if (previous != null && !withdrewBetween(denunciations, previous, instrument)) {
                    found.add(new Violation(
                            instrument.recordId(),
                            Rejection.conflict(
                                    "ALREADY_DEPOSITED",
                                    name(instrument) + " already deposited an instrument on " + previous.date()
                                            + "; a participant deposits one instrument unless its denunciation has taken"
                                            + " effect.")));
                }
                if (registry.isReio(instrument.participant())) {
                    if (!anyMember(instruments, instrument.participant(), instrument.date())) {
                        found.add(new Violation(
                                instrument.recordId(),
                                Rejection.rule(
                                        "REIO_MEMBER_NOT_BOUND",
                                        name(instrument)
                                                + " may deposit an instrument only once at least one of its member"
                                                + " States has deposited one.")));
                    }
                    if (instrument.declarations().isEmpty()) {
                        found.add(new Violation(
                                instrument.recordId(),
                                Rejection.rule(
                                        "REIO_COMPETENCE_NOT_DECLARED",
                                        "An instrument of " + name(instrument)
                                                + " must declare the extent of its competence"
                                                + " (give it as a declaration).")));
                    }
                }
                previous = instrument;
            }
        }
    }

    private Rejection accessionBySignatory(Action accession, Action signature) {
        if (signature.date().isAfter(accession.date())) {
            return Rejection.rule(
                    "SIGNATURE_AFTER_ACCESSION",
                    name(accession) + " acceded on " + accession.date() + " and cannot sign afterwards.");
        }
        return Rejection.rule(
                "SIGNATORY_MUST_RATIFY",
                name(accession) + " signed the treaty on " + signature.date()
                        + "; a signatory deposits an instrument of ratification, acceptance or approval, not accession.");
    }

    private void checkDenunciations(TreatyFacts facts, List<Violation> found) {
        Map<String, List<Action>> instruments = byParticipant(facts, ActionKind.INSTRUMENT);
        Map<String, List<Action>> denunciations = byParticipant(facts, ActionKind.DENUNCIATION);
        EntryIntoForce.Result entryIntoForce =
                StatusCalculator.entryIntoForce(facts.definition(), facts.live(ActionKind.INSTRUMENT), registry);
        Integer waitYears = facts.definition().denunciation().notBeforeYearsInForce();
        for (List<Action> own : denunciations.values()) {
            Action previous = null;
            for (Action denunciation : own) {
                Optional<Action> instrument = instruments.getOrDefault(denunciation.participant(), List.of()).stream()
                        .filter(i -> !i.date().isAfter(denunciation.date()))
                        .reduce((a, b) -> b);
                LocalDate inForce = instrument
                        .map(i -> entryIntoForce.entryIntoForceFor(i.date()))
                        .orElse(null);
                if (inForce == null || inForce.isAfter(denunciation.date())) {
                    found.add(new Violation(
                            denunciation.recordId(),
                            Rejection.rule(
                                    "NOT_A_PARTY",
                                    name(denunciation) + " is not a Party on " + denunciation.date()
                                            + "; only a Party may denounce the treaty.")));
                } else if (waitYears != null && denunciation.date().isBefore(inForce.plusYears(waitYears))) {
                    found.add(new Violation(
                            denunciation.recordId(),
                            Rejection.rule(
                                    "DENUNCIATION_TOO_EARLY",
                                    name(denunciation) + " may denounce the treaty only " + waitYears
                                            + " years after its entry into force for it (" + inForce
                                            + "), that is from " + inForce.plusYears(waitYears) + ".")));
                } else if (previous != null
                        && !previous.date().isBefore(instrument.get().date())) {
                    found.add(new Violation(
                            denunciation.recordId(),
                            Rejection.conflict(
                                    "ALREADY_DENOUNCED",
                                    name(denunciation) + " already denounced the treaty on " + previous.date() + ".")));
                }
                previous = denunciation;
            }
        }
    }

    /**
     * A communication (declaration, reservation, withdrawal, notification, territorial application)
     * comes from a participant that has signed or deposited an instrument on or before its receipt:
     * the participants table shows it in that participant's row, and a State that has taken no action
     * under the treaty has none (Vienna Convention arts. 19, 23 and 29: reservations, declarations and
     * territorial applications are made upon signature or consent to be bound). An objection is the
     * exception: any State entitled to become a party may object to a reservation (art. 23(1); ILC
     * Guide to Practice on Reservations 2.6.5), and the objection is shown with the reservation it
     * refers to ({@code GET …/reservations}).
     */
    private void checkCommunications(TreatyFacts facts, List<Violation> found) {
        for (Action communication : live(facts, a -> a.kind() == ActionKind.COMMUNICATION)) {
            checkCommunication(facts, communication, found);
        }
    }

    private void checkCommunication(TreatyFacts facts, Action communication, List<Violation> found) {
        Optional<Action> target = Optional.ofNullable(communication.refersTo()).flatMap(facts::action);
        boolean acted = java.util.stream.Stream.concat(
                        facts.live(communication.participant(), ActionKind.SIGNATURE).stream(),
                        facts.live(communication.participant(), ActionKind.INSTRUMENT).stream())
                .anyMatch(a -> !a.date().isAfter(communication.date()));
        if (!acted && communication.communicationKind() != CommunicationKind.OBJECTION) {
            found.add(new Violation(
                    communication.recordId(),
                    Rejection.rule(
                            "NO_ACTION_RECORDED",
                            name(communication) + " has no signature or instrument recorded on or before "
                                    + communication.date() + "; a " + communicationWord(communication)
                                    + " comes from a signatory or a participant that has deposited an instrument.")));
        } else if (communication.communicationKind() == CommunicationKind.OBJECTION) {
            boolean valid = target.filter(Action::live)
                    .filter(Action::statesReservation)
                    .filter(t -> !t.participant().equals(communication.participant()))
                    .filter(t -> !t.date().isAfter(communication.date()))
                    .filter(t -> !facts.isWithdrawn(t, communication.date()))
                    .isPresent();
            if (!valid) {
                found.add(new Violation(
                        communication.recordId(),
                        Rejection.rule(
                                "OBJECTION_TARGET_INVALID",
                                "An objection must refer to an earlier, not withdrawn reservation of another participant"
                                        + "; '" + communication.refersTo() + "' is not one.")));
            }
        } else if (communication.communicationKind() == CommunicationKind.WITHDRAWAL) {
            boolean valid = target.filter(Action::live)
                    .filter(Action::isWithdrawable)
                    .filter(t -> t.participant().equals(communication.participant()))
                    .filter(t -> !t.date().isAfter(communication.date()))
                    .isPresent();
            long withdrawals = communication.refersTo() == null
                    ? 0
                    : facts.referringTo(communication.refersTo()).stream()
                            .filter(a -> a.communicationKind() == CommunicationKind.WITHDRAWAL)
                            .count();
            if (!valid) {
                found.add(new Violation(
                        communication.recordId(),
                        Rejection.rule(
                                "WITHDRAWAL_TARGET_INVALID",
                                "A withdrawal must refer to an earlier reservation or declaration of the same participant"
                                        + "; '" + communication.refersTo() + "' is not one.")));
            } else if (withdrawals > 1) {
                found.add(new Violation(
                        communication.recordId(),
                        Rejection.conflict(
                                "ALREADY_WITHDRAWN",
                                "The reservation or declaration '" + communication.refersTo()
                                        + "' was already withdrawn.")));
            }
        } else if (communication.refersTo() != null && target.isEmpty()) {
            found.add(new Violation(
                    communication.recordId(),
                    Rejection.rule(
                            "UNKNOWN_RECORD", "No record '" + communication.refersTo() + "' exists for this treaty.")));
        }
    }

    /**
     * Whether the treaty is open for signature on {@code date}; {@code entryIntoForceOn} is the
     * general date (null while unknown), which closes it where the clause says so.
     */
    public static boolean isOpenForSignature(TreatyDefinition definition, LocalDate date, LocalDate entryIntoForceOn) {
        return definition.signature().isOpen(date, entryIntoForceOn);
    }

    /**
     * A signature dated outside the signature window: {@code SIGNATURE_PERIOD_NOT_OPEN} before the
     * window opens, {@code SIGNATURE_PERIOD_CLOSED} after it has closed.
     */
    private static Rejection outsideSignaturePeriod(TreatyDefinition definition, LocalDate date, String message) {
        return Rejection.rule(
                date.isBefore(definition.signature().opensOn())
                        ? "SIGNATURE_PERIOD_NOT_OPEN"
                        : "SIGNATURE_PERIOD_CLOSED",
                message);
    }

    private static String until(TreatyDefinition definition, LocalDate general) {
        var clause = definition.signature();
        if (clause.closesWithEntryIntoForce()) {
            return "until its entry into force"
                    + (general == null ? "" : " on " + general)
                    + (clause.closesOn() == null ? "" : " (at the latest to " + clause.closesOn() + ")");
        }
        return clause.closesOn() == null ? "indefinitely" : "to " + clause.closesOn();
    }

    private boolean withdrewBetween(Map<String, List<Action>> denunciations, Action previous, Action next) {
        return denunciations.getOrDefault(previous.participant(), List.of()).stream()
                .anyMatch(d ->
                        !d.date().isBefore(previous.date()) && !d.effectiveOn().isAfter(next.date()));
    }

    private boolean anyMember(Map<String, List<Action>> byParticipant, String reio, LocalDate onOrBefore) {
        return registry.membersOf(reio).stream()
                .flatMap(member -> byParticipant.getOrDefault(member, List.of()).stream())
                .anyMatch(a -> !a.date().isAfter(onOrBefore));
    }

    private static List<Action> live(TreatyFacts facts, Predicate<Action> filter) {
        return facts.actions().stream().filter(Action::live).filter(filter).toList();
    }

    /** Live actions of a kind per participant, by legal date (recording order breaks ties). */
    private static Map<String, List<Action>> byParticipant(TreatyFacts facts, ActionKind kind) {
        return facts.live(kind).stream().sorted(BY_DATE_THEN_RECORDING).collect(groupingBy(Action::participant));
    }

    private static <T> Optional<T> first(List<T> list) {
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private String name(Action action) {
        return registry.nameOf(action.participant());
    }

    private static String communicationWord(Action communication) {
        return communication.communicationKind() == null
                ? "communication"
                : communication.communicationKind().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }

    private static String word(InstrumentType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
