package org.ratification.ledger.core.api;

/**
 * Metadata keys every command and event carries: who recorded the action and when the ledger
 * learned it (an ISO-8601 instant). The legal date is in the payload; these say when and by whom it
 * was recorded.
 */
public final class RecordingMetadata {

    public static final String RECORDED_AT = "recordedAt";
    public static final String RECORDED_BY = "recordedBy";

    private RecordingMetadata() {}
}
