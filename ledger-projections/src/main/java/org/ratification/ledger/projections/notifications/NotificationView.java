package org.ratification.ledger.projections.notifications;

import java.time.LocalDate;

/**
 * A depositary notification.
 *
 * @param reference e.g. {@code C.N.196.2025.TREATIES-XVIII.16}
 * @param number the running number within the year of recording
 * @param year the year (UTC) in which the action was recorded
 * @param action the record's one name ({@link org.ratification.ledger.core.api.RecordType}): SIGNATURE,
 *     INSTRUMENT, DENUNCIATION, COMMUNICATION, CORRECTION or RETRACTION
 * @param legalDate the date of the action (for a correction, the corrected date)
 * @param refersTo the record a correction, retraction, objection or withdrawal is about
 * @param refersToReference the notification that announced that record
 * @param entryIntoForceOn for an instrument (or its correction), when the treaty enters into force
 *     for the participant, if the threshold is reached
 * @param headHash the hash of the announced record, the head of the treaty's chain when it was
 *     recorded: a published notification pins the state of the record
 */
public record NotificationView(
        String reference,
        int number,
        int year,
        String treatyId,
        String recordId,
        String action,
        String participant,
        String participantName,
        LocalDate legalDate,
        String recordedAt,
        String refersTo,
        String refersToReference,
        LocalDate entryIntoForceOn,
        String subject,
        String text,
        String headHash) {}
