package org.ratification.ledger.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A multilateral treaty with its final clauses as data, so the same engine serves any treaty.
 *
 * @param parentTreatyId for a protocol, the treaty it supplements (null otherwise)
 * @param amendments the amendment clause, null where the treaty provides none
 * @param succession how a notification of succession takes effect, null for the default
 *     ({@link SuccessionClause#standard()})
 * @param shortTitle the title the public pages use as heading ("Convention against Cybercrime"),
 *     null where the full title is short enough; optional, left out of the stored JSON (and so of the
 *     record's hash) when null, so registrations without one are written as before
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
        @JsonInclude(JsonInclude.Include.NON_NULL) String shortTitle) {

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
