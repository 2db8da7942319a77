package org.ratification.ledger.core.api;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of a treaty's status table on a date: the UNTC columns plus the participant's own entry
 * into force, its status and its denunciation. {@code declarations} and {@code reservations} are
 * the texts made and not withdrawn by that date; {@code territories} those named in territorial
 * applications; {@code amendments} the amendments it has accepted and whether each binds it.
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
        List<AmendmentView> amendments) {}
