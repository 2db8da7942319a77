package org.ratification.ledger.core.rules;

import java.time.LocalDate;
import java.util.List;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.InstrumentType;

/**
 * One action as the ledger now holds it: the record that stated it, with every correction
 * applied. Fields that do not belong to the action's kind are {@code null} (or empty lists).
 *
 * @param effectiveOn for a denunciation, the date it takes effect
 * @param retracted whether the record was withdrawn as made in error
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
        boolean retracted) {

    public Action {
        declarations = declarations == null ? List.of() : List.copyOf(declarations);
        reservations = reservations == null ? List.of() : List.copyOf(reservations);
    }

    static Action of(String recordId, ActionKind kind, String participant, LocalDate date) {
        return new Action(recordId, kind, participant, date, null, null, null, null, null, null, null, null, false);
    }

    Action withInstrument(InstrumentType type, List<String> declarations, List<String> reservations) {
        return new Action(recordId, kind, participant, date, type, place, declarations, reservations, null, null, null,
                effectiveOn, retracted);
    }

    Action withPlace(String place) {
        return new Action(recordId, kind, participant, date, instrumentType, place, declarations, reservations,
                communicationKind, text, refersTo, effectiveOn, retracted);
    }

    Action withCommunication(CommunicationKind communicationKind, String text, String refersTo) {
        return new Action(recordId, kind, participant, date, instrumentType, place, declarations, reservations,
                communicationKind, text, refersTo, effectiveOn, retracted);
    }

    Action withEffectiveOn(LocalDate effectiveOn) {
        return new Action(recordId, kind, participant, date, instrumentType, place, declarations, reservations,
                communicationKind, text, refersTo, effectiveOn, retracted);
    }

    Action corrected(String participant, LocalDate date, InstrumentType instrumentType, LocalDate effectiveOn) {
        return new Action(recordId, kind, participant, date, instrumentType, place, declarations, reservations,
                communicationKind, text, refersTo, effectiveOn, retracted);
    }

    Action retract() {
        return new Action(recordId, kind, participant, date, instrumentType, place, declarations, reservations,
                communicationKind, text, refersTo, effectiveOn, true);
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
        return statesReservation()
                || communicationKind == CommunicationKind.DECLARATION
                || !declarations.isEmpty();
    }
}
