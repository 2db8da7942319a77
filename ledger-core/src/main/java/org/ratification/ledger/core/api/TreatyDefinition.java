package org.ratification.ledger.core.api;

import java.time.LocalDate;

/**
 * A multilateral treaty with its final clauses as data, so the same engine serves any treaty.
 *
 * @param parentTreatyId for a protocol, the treaty it supplements (null otherwise)
 * @param amendments the amendment clause, null where the treaty provides none
 * @param succession how a notification of succession takes effect, null for the default
 *     ({@link SuccessionClause#standard()})
 * @param shortTitle the title the public pages use as heading ("Convention against Cybercrime"),
 *     null where the full title is short enough; optional: written as null in the stored JSON of
 *     registrations without one, and, like every null member, left out of the record's hash
 *     (docs/CHAIN.md), so the hashes of records stored before are unchanged
 * @param titleFr the French title, which the French pages and the French notification texts use
 *     instead of {@code title}; null where none is given (then the French texts use the English
 *     title); optional like {@code shortTitle}, with the same effect on stored JSON and hashes
 * @param shortTitleFr the French short title, which the French pages use as heading; null where
 *     none is given (then they use {@code titleFr}, else the English titles); optional, as above
 */
public record TreatyDefinition(
        String id,
        String reference,
        String title,
        LocalDate adoptedOn,
        SignatureClause signature,
        EntryIntoForceClause entryIntoForce,
        DenunciationClause denunciation,
        String parentTreatyId,
        AmendmentClause amendments,
        SuccessionClause succession,
        String shortTitle,
        String titleFr,
        String shortTitleFr) {

    /** Without French titles. */
    public TreatyDefinition(
            String id,
            String reference,
            String title,
            LocalDate adoptedOn,
            SignatureClause signature,
            EntryIntoForceClause entryIntoForce,
            DenunciationClause denunciation,
            String parentTreatyId,
            AmendmentClause amendments,
            SuccessionClause succession,
            String shortTitle) {
        this(
                id,
                reference,
                title,
                adoptedOn,
                signature,
                entryIntoForce,
                denunciation,
                parentTreatyId,
                amendments,
                succession,
                shortTitle,
                null,
                null);
    }

    /** Without a short title. */
    public TreatyDefinition(
            String id,
            String reference,
            String title,
            LocalDate adoptedOn,
            SignatureClause signature,
            EntryIntoForceClause entryIntoForce,
            DenunciationClause denunciation,
            String parentTreatyId,
            AmendmentClause amendments,
            SuccessionClause succession) {
        this(
                id,
                reference,
                title,
                adoptedOn,
                signature,
                entryIntoForce,
                denunciation,
                parentTreatyId,
                amendments,
                succession,
                null,
                null,
                null);
    }

    /** A treaty of its own, without amendment clause, with the standard succession rule. */
    public TreatyDefinition(
            String id,
            String reference,
            String title,
            LocalDate adoptedOn,
            SignatureClause signature,
            EntryIntoForceClause entryIntoForce,
            DenunciationClause denunciation) {
        this(id, reference, title, adoptedOn, signature, entryIntoForce, denunciation, null, null, null, null);
    }

    /** The title in French where the definition has one, else the (English) title. */
    public String titleIn(boolean french) {
        return french && titleFr != null ? titleFr : title;
    }

    /**
     * The heading of the public pages: in French the French short title, else the French title;
     * then the short title, else the title.
     */
    public String shortTitleIn(boolean french) {
        if (french && (shortTitleFr != null || titleFr != null)) {
            return shortTitleFr != null ? shortTitleFr : titleFr;
        }
        return shortTitle != null ? shortTitle : title;
    }
}
