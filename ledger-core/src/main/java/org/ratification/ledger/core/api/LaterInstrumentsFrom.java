package org.ratification.ledger.core.api;

/**
 * Where the clock of a later instrument starts (docs/CLAUSES.md, family 3). {@code THRESHOLD}
 * (the default): instruments deposited on or before the threshold date take the general date,
 * later ones their own delay, never before the general date. {@code ENTRY_INTO_FORCE} (CWC, CTBT,
 * Arms Trade Treaty): instruments deposited before the general date take the general date, those
 * deposited on or after it their own delay.
 */
public enum LaterInstrumentsFrom {
    THRESHOLD,
    ENTRY_INTO_FORCE
}
