package org.ratification.ledger.projections.changes;

import java.time.LocalDate;
import java.util.List;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.ParticipantStatus;

/**
 * The changes in a treaty's legal status from the end of {@code from} to the end of {@code to}
 * (actions dated in the interval {@code (from, to]}).
 */
public record ChangesView(
        String treatyId,
        LocalDate from,
        LocalDate to,
        TreatyChanges treaty,
        Summary summary,
        List<ParticipantChanges> participants,
        List<ActionInInterval> actions) {

    /** The treaty line on both dates and what changed in it. */
    public record TreatyChanges(TreatyLine before, TreatyLine after, List<Change> changes) {}

    public record TreatyLine(
            int instrumentsCounted,
            int signatories,
            int contracting,
            int parties,
            LocalDate thresholdReachedOn,
            LocalDate entryIntoForceOn,
            boolean inForce,
            boolean openForSignature) {}

    /**
     * One change. Treaty changes: THRESHOLD_REACHED, ENTERED_INTO_FORCE, OPENED_FOR_SIGNATURE,
     * CLOSED_FOR_SIGNATURE. Participant changes: SIGNED, DEPOSITED, BECAME_PARTY, DENOUNCED, WITHDREW.
     */
    public record Change(String change, LocalDate on, String participant) {}

    /** The participants of each kind of change, by code. */
    public record Summary(
            List<String> signed,
            List<String> deposited,
            List<String> becameParty,
            List<String> denounced,
            List<String> withdrew) {}

    public record ParticipantChanges(
            String participant, String name, ParticipantStatus before, ParticipantStatus after, List<Change> changes) {}

    public record ActionInInterval(
            String recordId,
            String kind,
            String participant,
            String name,
            LocalDate date,
            InstrumentType instrumentType,
            CommunicationKind communicationKind) {}
}
