package org.ratification.ledger.core.api;

/**
 * How long after receipt of its notification a denunciation takes effect; for a protocol,
 * {@code followsParent} says that denouncing the parent treaty also ends the protocol for that
 * participant when the parent's denunciation takes effect.
 */
public record DenunciationClause(int takesEffectAfterMonths, boolean followsParent) {

    public DenunciationClause(int takesEffectAfterMonths) {
        this(takesEffectAfterMonths, false);
    }
}
