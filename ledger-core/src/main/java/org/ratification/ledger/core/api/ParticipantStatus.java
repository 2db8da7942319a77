package org.ratification.ledger.core.api;

/** A participant's standing under a treaty on a given date (DOMAIN.md, status vocabulary). */
public enum ParticipantStatus {
    /** Signed, no instrument deposited. */
    SIGNATORY,
    /** Instrument deposited, treaty not yet in force for it. */
    CONTRACTING,
    /** Treaty in force for it. */
    PARTY,
    /** Its denunciation has taken effect. */
    WITHDRAWN
}
