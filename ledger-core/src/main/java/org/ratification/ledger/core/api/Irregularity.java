package org.ratification.ledger.core.api;

/**
 * An acknowledged irregularity: the depositary records, deliberately, an action that one rule of
 * the treaty refuses (an accession by a signatory, an acceptance without signature), because the
 * State deposited it and the depositary received it. {@code code} names the one refusal it
 * acknowledges (the code the ledger answers without it, e.g. {@code SIGNATORY_MUST_RATIFY}); {@code
 * note} says why, and stays on the record, its row of the status table and its notification.
 */
public record Irregularity(String code, String note) {}
