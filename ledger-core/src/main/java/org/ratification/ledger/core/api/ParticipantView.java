package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of a treaty's status table on a date: the UNTC columns plus the participant's own entry
 * into force, its status and its denunciation. {@code declarations} and {@code reservations} are
 * the texts made and not withdrawn by that date; {@code territories} those named in territorial
 * applications; {@code amendments} the amendments it has accepted and whether each binds it. A
 * succession to a signature shows as a signature with {@code signatureLetter} "d" and the {@code
 * signaturePredecessor} (both null for a signature of the participant's own); {@code
 * irregularities} are the acknowledged irregularities of the row's signature and instrument, its
 * footnotes.
 */
public record ParticipantView(
        String participant,
        String name,
        LocalDate signedOn,
        String signedAt,
        InstrumentView instrument,
        LocalDate entryIntoForceOn,
        ParticipantStatus status,
        LocalDate denunciationReceivedOn,
        LocalDate denunciationEffectiveOn,
        List<String> declarations,
        List<String> reservations,
        List<String> territories,
        List<AmendmentView> amendments,
        String signatureLetter,
        String signaturePredecessor,
        List<IrregularityView> irregularities) {

    public ParticipantView {
        irregularities = irregularities == null ? List.of() : List.copyOf(irregularities);
    }

    /** A row without a succession to a signature and without irregularities. */
    public ParticipantView(
            String participant,
            String name,
            LocalDate signedOn,
            String signedAt,
            InstrumentView instrument,
            LocalDate entryIntoForceOn,
            ParticipantStatus status,
            LocalDate denunciationReceivedOn,
            LocalDate denunciationEffectiveOn,
            List<String> declarations,
            List<String> reservations,
            List<String> territories,
            List<AmendmentView> amendments) {
        this(
                participant,
                name,
                signedOn,
                signedAt,
                instrument,
                entryIntoForceOn,
                status,
                denunciationReceivedOn,
                denunciationEffectiveOn,
                declarations,
                reservations,
                territories,
                amendments,
                null,
                null,
                List.of());
    }

    /** The same row under another name (the participant's French short name). */
    public ParticipantView named(String otherName) {
        return new ParticipantView(
                participant,
                otherName,
                signedOn,
                signedAt,
                instrument,
                entryIntoForceOn,
                status,
                denunciationReceivedOn,
                denunciationEffectiveOn,
                declarations,
                reservations,
                territories,
                amendments,
                signatureLetter,
                signaturePredecessor,
                irregularities);
    }

    /** The same row with another status. */
    public ParticipantView withStatus(ParticipantStatus otherStatus) {
        return new ParticipantView(
                participant,
                name,
                signedOn,
                signedAt,
                instrument,
                entryIntoForceOn,
                otherStatus,
                denunciationReceivedOn,
                denunciationEffectiveOn,
                declarations,
                reservations,
                territories,
                amendments,
                signatureLetter,
                signaturePredecessor,
                irregularities);
    }
}
