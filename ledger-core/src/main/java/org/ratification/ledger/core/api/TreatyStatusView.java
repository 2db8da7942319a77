package org.ratification.ledger.core.api;

import java.time.LocalDate;

/**
 * A treaty's status on {@code asOf}. {@code signatories} counts participants that signed;
 * {@code contracting} those whose instrument is deposited but not yet in force for them;
 * {@code parties} those for which the treaty is in force; {@code instrumentsCounted} the
 * instruments that count toward the threshold. {@code explanation} says how the date was reached.
 * {@code headHash} is the hash of the treaty's latest record in its chain (docs/CHAIN.md), whatever
 * the {@code asOf} date; null where the status is computed without the record store.
 */
public record TreatyStatusView(
        String id,
        String reference,
        String title,
        LocalDate asOf,
        int instrumentsRequired,
        int instrumentsCounted,
        int instrumentsDeposited,
        int signatories,
        int contracting,
        int parties,
        LocalDate thresholdReachedOn,
        String thresholdParticipant,
        LocalDate entryIntoForceOn,
        boolean inForce,
        boolean openForSignature,
        String explanation,
        String headHash) {

    /** A status without the chain head (computed from facts alone). */
    public TreatyStatusView(
            String id,
            String reference,
            String title,
            LocalDate asOf,
            int instrumentsRequired,
            int instrumentsCounted,
            int instrumentsDeposited,
            int signatories,
            int contracting,
            int parties,
            LocalDate thresholdReachedOn,
            String thresholdParticipant,
            LocalDate entryIntoForceOn,
            boolean inForce,
            boolean openForSignature,
            String explanation) {
        this(
                id,
                reference,
                title,
                asOf,
                instrumentsRequired,
                instrumentsCounted,
                instrumentsDeposited,
                signatories,
                contracting,
                parties,
                thresholdReachedOn,
                thresholdParticipant,
                entryIntoForceOn,
                inForce,
                openForSignature,
                explanation,
                null);
    }

    public TreatyStatusView withHeadHash(String hash) {
        return new TreatyStatusView(
                id,
                reference,
                title,
                asOf,
                instrumentsRequired,
                instrumentsCounted,
                instrumentsDeposited,
                signatories,
                contracting,
                parties,
                thresholdReachedOn,
                thresholdParticipant,
                entryIntoForceOn,
                inForce,
                openForSignature,
                explanation,
                hash);
    }
}
