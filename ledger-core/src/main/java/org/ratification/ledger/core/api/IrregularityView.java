package org.ratification.ledger.core.api;

/**
 * An acknowledged irregularity as a row of the status table shows it (a footnote of the row): the
 * record that carries it, the action it is about ({@code SIGNATURE} or {@code INSTRUMENT}), the
 * refusal the depositary overrode and the note.
 */
public record IrregularityView(String recordId, String action, String code, String note) {}
