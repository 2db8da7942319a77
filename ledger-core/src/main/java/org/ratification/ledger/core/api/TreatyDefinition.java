package org.ratification.ledger.core.api;

import java.time.LocalDate;

/**
 * A multilateral treaty with its final clauses as data, so the same engine serves any treaty.
 *
 * @param parentTreatyId for a protocol, the treaty it supplements (null otherwise)
 * @param amendments the amendment clause, null where the treaty provides none
 * @param succession how a notification of succession takes effect, null for the default
 *     ({@link SuccessionClause#standard()})
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
        SuccessionClause succession) {

    /** A treaty of its own, without amendment clause, with the standard succession rule. */
    public TreatyDefinition(
            String id,
            String reference,
            String title,
            LocalDate adoptedOn,
            SignatureClause signature,
            EntryIntoForceClause entryIntoForce,
            DenunciationClause denunciation) {
        this(id, reference, title, adoptedOn, signature, entryIntoForce, denunciation, null, null, null);
    }
}
