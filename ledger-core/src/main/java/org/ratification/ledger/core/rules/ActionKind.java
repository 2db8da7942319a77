package org.ratification.ledger.core.rules;

/** The kinds of action a record of the ledger can state. */
public enum ActionKind {
    SIGNATURE,
    INSTRUMENT,
    DENUNCIATION,
    COMMUNICATION
}
