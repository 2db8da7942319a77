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
        String shortTitle) {

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
}
