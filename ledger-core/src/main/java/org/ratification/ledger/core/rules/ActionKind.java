package org.ratification.ledger.core.rules;

/** The kinds of action a record of the ledger can state. */
public enum ActionKind {
    SIGNATURE,
    INSTRUMENT,
    DENUNCIATION,
    COMMUNICATION,
    /** The adoption of an amendment (no participant). */
    AMENDMENT,
    /** A Party's instrument for an amendment. */
    AMENDMENT_INSTRUMENT
}
