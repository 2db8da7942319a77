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
import org.ratification.ledger.core.api.Irregularity;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.TreatyEvent;

/**
 * One action as the ledger now holds it: the record that stated it, with every correction
 * applied. Fields that do not belong to the action's kind are {@code null} (or empty lists).
 *
 * @param effectiveOn for a denunciation, the date it takes effect
 * @param retracted whether the record was withdrawn as made in error
 * @param territories for a territorial application, the territories it names
 * @param predecessor, boundFrom for a succession, the predecessor State and the date bound from; for a
 *     succession to a signature, the predecessor State (no date)
 * @param amendmentId for an amendment's adoption or an instrument for it, the amendment
 * @param irregularity for a signature or an instrument the depositary recorded although a rule refuses
 *     it, the acknowledged refusal and its note
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
        AdoptionMethod adoptionMethod,
        Irregularity irregularity) {

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
                null,
                null);
    }

    /** This action as a correction restates it (participant, date and type replaced). */
    public Action corrected(RecordCorrectedEvent correction, DenunciationClause denunciation) {
        Builder b = new Builder(this);
        b.participant = correction.participant();
        b.date = correction.date();
        b.instrumentType = correction.type();
        if (kind == ActionKind.DENUNCIATION) {
            b.effectiveOn = denunciationTakesEffect(denunciation, correction.date());
        }
        return b.build();
    }

    /** The action an event records, if it records one (not a registration, correction or retraction). */
    public static Optional<Action> from(TreatyEvent event) {
        Builder b;
        if (event instanceof ConventionSignedEvent e) {
            b = new Builder(e.recordId(), ActionKind.SIGNATURE, e.participant(), e.signedOn());
            b.place = e.place();
            b.predecessor = e.predecessor();
            b.irregularity = e.irregularity();
        } else if (event instanceof InstrumentDepositedEvent e) {
            b = new Builder(e.recordId(), ActionKind.INSTRUMENT, e.participant(), e.depositedOn());
            b.instrumentType = e.type();
            b.declarations = e.declarations();
            b.reservations = e.reservations();
            b.predecessor = e.predecessor();
            b.boundFrom = e.boundFrom();
            b.irregularity = e.irregularity();
        } else if (event instanceof DenunciationNotifiedEvent e) {
            b = new Builder(e.recordId(), ActionKind.DENUNCIATION, e.participant(), e.receivedOn());
            b.effectiveOn = e.effectiveOn();
        } else if (event instanceof CommunicationReceivedEvent e) {
            b = new Builder(e.recordId(), ActionKind.COMMUNICATION, e.participant(), e.receivedOn());
            b.communicationKind = e.kind();
            b.text = e.text();
            b.refersTo = e.refersTo();
            b.territories = e.territories();
        } else if (event instanceof AmendmentAdoptedEvent e) {
            b = new Builder(e.recordId(), ActionKind.AMENDMENT, null, e.adoptedOn());
            b.amendmentId = e.amendmentId();
            b.adoptionMethod = e.method();
            b.text = e.text();
        } else if (event instanceof AmendmentInstrumentDepositedEvent e) {
            b = new Builder(e.recordId(), ActionKind.AMENDMENT_INSTRUMENT, e.participant(), e.depositedOn());
            b.instrumentType = e.type();
            b.amendmentId = e.amendmentId();
        } else {
            return Optional.empty();
        }
        return Optional.of(b.build());
    }

    /** DOMAIN.md rule 6: the same calendar day the clause's months later (29 February gives 28 February). */
    public static LocalDate denunciationTakesEffect(DenunciationClause clause, LocalDate receivedOn) {
        int days = clause.takesEffectAfterDays() == null ? 0 : clause.takesEffectAfterDays();
        return receivedOn.plusMonths(clause.takesEffectAfterMonths()).plusDays(days);
    }

    public Action retract() {
        Builder b = new Builder(this);
        b.retracted = true;
        return b.build();
    }

    /** What a record states, field by field, before it becomes an immutable action. */
    private static final class Builder {
        private final String recordId;
        private final ActionKind kind;
        private String participant;
        private LocalDate date;
        private InstrumentType instrumentType;
        private String place;
        private List<String> declarations;
        private List<String> reservations;
        private CommunicationKind communicationKind;
        private String text;
        private String refersTo;
        private LocalDate effectiveOn;
        private boolean retracted;
        private List<String> territories;
        private String predecessor;
        private LocalDate boundFrom;
        private String amendmentId;
        private AdoptionMethod adoptionMethod;
        private Irregularity irregularity;

        Builder(String recordId, ActionKind kind, String participant, LocalDate date) {
            this.recordId = recordId;
            this.kind = kind;
            this.participant = participant;
            this.date = date;
        }

        Builder(Action a) {
            this(a.recordId, a.kind, a.participant, a.date);
            instrumentType = a.instrumentType;
            place = a.place;
            declarations = a.declarations;
            reservations = a.reservations;
            communicationKind = a.communicationKind;
            text = a.text;
            refersTo = a.refersTo;
            effectiveOn = a.effectiveOn;
            retracted = a.retracted;
            territories = a.territories;
            predecessor = a.predecessor;
            boundFrom = a.boundFrom;
            amendmentId = a.amendmentId;
            adoptionMethod = a.adoptionMethod;
            irregularity = a.irregularity;
        }

        Action build() {
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
                    adoptionMethod,
                    irregularity);
        }
    }

    /** Whether this is a succession to a signature (a {@code d} in the signature column). */
    public boolean isSignatureBySuccession() {
        return kind == ActionKind.SIGNATURE && predecessor != null;
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
