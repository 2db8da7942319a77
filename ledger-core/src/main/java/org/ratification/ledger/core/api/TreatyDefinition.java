package org.ratification.ledger.core.api;

import java.time.LocalDate;

/** A multilateral treaty with its final clauses as data, so the same engine serves any treaty. */
public record TreatyDefinition(
        String id,
        String reference,
        String title,
        LocalDate adoptedOn,
        SignatureClause signature,
        EntryIntoForceClause entryIntoForce,
        DenunciationClause denunciation) {}
