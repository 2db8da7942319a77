package org.ratification.ledger.api.write;

/**
 * What a write answers once its record is committed: the record's id, its sequence in its treaty's
 * chain (the aggregate sequence its event got, from 0) and the instant it was recorded, exactly as
 * stored in the event's metadata ({@code recordedAt}) and shown by the history and the export.
 */
public record Recording(String recordId, long sequence, String recordedAt) {}
