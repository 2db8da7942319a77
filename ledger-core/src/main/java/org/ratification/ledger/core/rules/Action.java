package org.ratification.ledger.core.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ratification.ledger.core.api.AdoptionMethod;
import org.ratification.ledger.core.api.AmendmentAdoptedEvent;
import org.ratification.ledger.core.api.AmendmentInstrumentDepositedEvent;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.TreatyEvent;

/**
 * One action as the ledger now holds it: the record that stated it, with every correction
 * applied. Fields that do not belong to the action's kind are {@code null} (or empty lists).
 *
 * @param effectiveOn for a denunciation, the date it takes effect
 * @param retracted whether the record was withdrawn as made in error
 * @param territories for a territorial application, the territories it names
 * @param predecessor, boundFrom for a succession, the predecessor State and the date bound from
 * @param amendmentId for an amendment's adoption or an instrument for it, the amendment
 */
public record Action(
        String recordId,
        ActionKind kind,
        String participant,
        LocalDate date,
        InstrumentType instrumentType,
        String place,
        List<String> declarations,
        List<String> reservations,
        CommunicationKind communicationKind,
        String text,
        String refersTo,
        LocalDate effectiveOn,
        boolean retracted,
        List<String> territories,
        String predecessor,
        LocalDate boundFrom,
        String amendmentId,
        AdoptionMethod adoptionMethod) {

    public Action {
        declarations = declarations == null ? List.of() : List.copyOf(declarations);
        reservations = reservations == null ? List.of() : List.copyOf(reservations);
        territories = territories == null ? List.of() : List.copyOf(territories);
    }

    public Action(
            String recordId,
            ActionKind kind,
            String participant,
            LocalDate date,
            InstrumentType instrumentType,
            String place,
            List<String> declarations,
            List<String> reservations,
            CommunicationKind communicationKind,
            String text,
            String refersTo,
            LocalDate effectiveOn,
            boolean retracted) {
        this(
                recordId,
                kind,
                participant,
                date,
                instrumentType,
                place,
                declarations,
                reservations,
                communicationKind,
                text,
                refersTo,
                effectiveOn,
                retracted,
                List.of(),
                null,
                null,
                null,
                null);
    }

    static Action of(String recordId, ActionKind kind, String participant, LocalDate date) {
        return new Action(recordId, kind, participant, date, null, null, null, null, null, null, null, null, false);
    }

    Action withInstrument(InstrumentType type, List<String> declarations, List<String> reservations) {
        return new Action(
                recordId,
                kind,
                participant,
                date,
                type,
                place,
                declarations,
                reservations,
                communicationKind,
                text,
                refersTo,
                effectiveOn,
                retracted,
                territories,
                predecessor,
                boundFrom,
                amendmentId,
                adoptionMethod);
    }

    Action withSuccession(String predecessor, LocalDate boundFrom) {
        return new Action(
                recordId,
                kind,
                participant,
                date,
                instrumentType,
                place,
                declarations,
                reservations,
                communicationKind,
                text,
                refersTo,
                effectiveOn,
                retracted,
                territories,
                predecessor,
                boundFrom,
                amendmentId,
                adoptionMethod);
    }

    Action withPlace(String place) {
        return new Action(
                recordId,
                kind,
                participant,
                date,
                instrumentType,
                place,
                declarations,
                reservations,
                communicationKind,
                text,
                refersTo,
                effectiveOn,
                retracted,
                territories,
                predecessor,
                boundFrom,
                amendmentId,
                adoptionMethod);
    }

    Action withCommunication(
            CommunicationKind communicationKind, String text, String refersTo, List<String> territories) {
        return new Action(
                recordId,
                kind,
                participant,
                date,
                instrumentType,
                place,
                declarations,
                reservations,
                communicationKind,
                text,
                refersTo,
                effectiveOn,
                retracted,
                territories,
                predecessor,
                boundFrom,
                amendmentId,
                adoptionMethod);
    }

    Action withEffectiveOn(LocalDate effectiveOn) {
        return new Action(
                recordId,
                kind,
                participant,
                date,
                instrumentType,
                place,
                declarations,
                reservations,
                communicationKind,
                text,
                refersTo,
                effectiveOn,
                retracted,
                territories,
                predecessor,
                boundFrom,
                amendmentId,
                adoptionMethod);
    }

    Action withAmendment(String amendmentId, AdoptionMethod adoptionMethod, String text) {
        return new Action(
                recordId,
                kind,
                participant,
                date,
                instrumentType,
                place,
                declarations,
                reservations,
                communicationKind,
                text,
                refersTo,
                effectiveOn,
                retracted,
                territories,
                predecessor,
                boundFrom,
                amendmentId,
                adoptionMethod);
    }

    /** This action as a correction restates it (participant, date and type replaced). */
    public Action corrected(RecordCorrectedEvent correction, DenunciationClause denunciation) {
        LocalDate effective = kind == ActionKind.DENUNCIATION
                ? denunciationTakesEffect(denunciation, correction.date())
                : effectiveOn;
        return new Action(
                recordId,
                kind,
                correction.participant(),
                correction.date(),
                correction.type(),
                place,
                declarations,
                reservations,
                communicationKind,
                text,
                refersTo,
                effective,
                retracted,
                territories,
                predecessor,
                boundFrom,
                amendmentId,
                adoptionMethod);
    }

    /** The action an event records, if it records one (not a registration, correction or retraction). */
    public static Optional<Action> from(TreatyEvent event) {
        if (event instanceof ConventionSignedEvent e) {
            return Optional.of(of(e.recordId(), ActionKind.SIGNATURE, e.participant(), e.signedOn())
                    .withPlace(e.place()));
        } else if (event instanceof InstrumentDepositedEvent e) {
            return Optional.of(of(e.recordId(), ActionKind.INSTRUMENT, e.participant(), e.depositedOn())
                    .withInstrument(e.type(), e.declarations(), e.reservations())
                    .withSuccession(e.predecessor(), e.boundFrom()));
        } else if (event instanceof DenunciationNotifiedEvent e) {
            return Optional.of(of(e.recordId(), ActionKind.DENUNCIATION, e.participant(), e.receivedOn())
                    .withEffectiveOn(e.effectiveOn()));
        } else if (event instanceof CommunicationReceivedEvent e) {
            return Optional.of(of(e.recordId(), ActionKind.COMMUNICATION, e.participant(), e.receivedOn())
                    .withCommunication(e.kind(), e.text(), e.refersTo(), e.territories()));
        } else if (event instanceof AmendmentAdoptedEvent e) {
            return Optional.of(of(e.recordId(), ActionKind.AMENDMENT, null, e.adoptedOn())
                    .withAmendment(e.amendmentId(), e.method(), e.text()));
        } else if (event instanceof AmendmentInstrumentDepositedEvent e) {
            return Optional.of(of(e.recordId(), ActionKind.AMENDMENT_INSTRUMENT, e.participant(), e.depositedOn())
                    .withInstrument(e.type(), List.of(), List.of())
                    .withAmendment(e.amendmentId(), null, null));
        }
        return Optional.empty();
    }

    /** DOMAIN.md rule 6: the same calendar day the clause's months later (29 February gives 28 February). */
    public static LocalDate denunciationTakesEffect(DenunciationClause clause, LocalDate receivedOn) {
        return receivedOn.plusMonths(clause.takesEffectAfterMonths());
    }

    public Action retract() {
        return new Action(
                recordId,
                kind,
                participant,
                date,
                instrumentType,
                place,
                declarations,
                reservations,
                communicationKind,
                text,
                refersTo,
                effectiveOn,
                true,
                territories,
                predecessor,
                boundFrom,
                amendmentId,
                adoptionMethod);
    }

    public boolean live() {
        return !retracted;
    }

    /** Whether this record states a reservation (a communicated one, or made upon deposit). */
    public boolean statesReservation() {
        return communicationKind == CommunicationKind.RESERVATION || !reservations.isEmpty();
    }

    /** Whether this record states something its author may later withdraw. */
    public boolean isWithdrawable() {
        return statesReservation() || communicationKind == CommunicationKind.DECLARATION || !declarations.isEmpty();
    }
}
