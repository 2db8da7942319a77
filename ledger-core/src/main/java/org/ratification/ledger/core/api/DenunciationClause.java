package org.ratification.ledger.core.api;

/** How long after receipt of its notification a denunciation takes effect. */
public record DenunciationClause(int takesEffectAfterMonths) {}
