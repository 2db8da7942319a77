package org.ratification.ledger.core.api;

/**
 * Metadata keys every command and event carries: who recorded the action and when the ledger
 * learned it (an ISO-8601 instant). The legal date is in the payload; these say when and by whom it
 * was recorded.
 */
public final class RecordingMetadata {

    public static final String RECORDED_AT = "recordedAt";
    public static final String RECORDED_BY = "recordedBy";

    /** The record's hash in the treaty's chain (lowercase hex SHA-256, see docs/CHAIN.md). */
    public static final String HASH = "hash";

    /** The hash of the treaty's previous record (64 zeros for the first). */
    public static final String PREVIOUS_HASH = "previousHash";

    /**
     * Where a record came from, when not from a single request: {@code sha256:<hex>} of the status
     * table it was imported from. Optional; the chain's canonical form does not cover it.
     */
    public static final String SOURCE = "source";

    private RecordingMetadata() {}
}
