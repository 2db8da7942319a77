package org.ratification.ledger.core.api;

/**
 * How long after receipt of its notification a denunciation takes effect; for a protocol,
 * {@code followsParent} says that denouncing the parent treaty also ends the protocol for that
 * participant when the parent's denunciation takes effect.
 *
 * @param takesEffectAfterDays days added after the months (CWC: 90 days and 0 months); null: none
 * @param notBeforeYearsInForce a waiting period: a Party may denounce only this many years after
 *     the treaty entered into force for it (Paris Agreement: three); null: none
 */
public record DenunciationClause(
        int takesEffectAfterMonths,
        boolean followsParent,
        Integer takesEffectAfterDays,
        Integer notBeforeYearsInForce) {

    public DenunciationClause(int takesEffectAfterMonths, boolean followsParent) {
        this(takesEffectAfterMonths, followsParent, null, null);
    }

    public DenunciationClause(int takesEffectAfterMonths) {
        this(takesEffectAfterMonths, false);
    }
}
