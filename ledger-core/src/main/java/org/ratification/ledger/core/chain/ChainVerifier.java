package org.ratification.ledger.core.chain;

/**
 * Checks a treaty's stored records, in sequence order, against the chain: sequence numbers run
 * 0, 1, 2, … without gaps; each record names the previous record's hash; and each record's stored
 * hash equals the hash recomputed from its content. The first record that fails is reported; the
 * head hash is that of the last record that passed.
 */
public final class ChainVerifier {

    /** Why a record breaks the chain. */
    public enum Reason {
        /** The stored row could not be read back into an event. */
        UNREADABLE,
        /** The record's sequence number is not the next one: a record is missing or out of place. */
        SEQUENCE_GAP,
        /** The record carries no hash. */
        MISSING_HASH,
        /** The record's previous hash is not the hash of the record before it. */
        PREVIOUS_HASH_MISMATCH,
        /** The record's content does not hash to its stored hash: it was altered after recording. */
        HASH_MISMATCH
    }

    /**
     * One stored record. {@code link} holds its content (its {@code previousHash} is ignored: the
     * verifier supplies the hash it computed for the record before); it is null when the row was
     * unreadable, and {@code unreadable} then says why.
     */
    public record StoredRecord(
            long sequence, String recordId, ChainLink link, String hash, String previousHash, String unreadable) {

        public static StoredRecord unreadable(long sequence, String recordId, String why) {
            return new StoredRecord(sequence, recordId, null, null, null, why);
        }
    }

    public record BrokenRecord(long sequence, String recordId, Reason reason, String detail) {}

    /** The outcome: valid, how many records were read, the last verified hash and the first break. */
    public record Verdict(boolean valid, long records, String headHash, BrokenRecord firstBrokenRecord) {}

    private String head = RecordChain.GENESIS;
    private long expectedSequence;
    private long records;
    private BrokenRecord broken;

    /** Feeds the next record in sequence order. */
    public ChainVerifier accept(StoredRecord record) {
        records++;
        if (broken != null) {
            return this;
        }
        broken = check(record);
        if (broken == null) {
            head = record.hash();
            expectedSequence++;
        }
        return this;
    }

    public Verdict verdict() {
        return new Verdict(broken == null, records, head, broken);
    }

    public static Verdict verify(Iterable<StoredRecord> records) {
        ChainVerifier verifier = new ChainVerifier();
        records.forEach(verifier::accept);
        return verifier.verdict();
    }

    private BrokenRecord check(StoredRecord record) {
        if (record.sequence() != expectedSequence) {
            return broken(
                    record,
                    Reason.SEQUENCE_GAP,
                    "Expected sequence " + expectedSequence + ", found " + record.sequence() + ".");
        }
        if (record.link() == null) {
            return broken(record, Reason.UNREADABLE, record.unreadable());
        }
        if (record.hash() == null || record.hash().isBlank()) {
            return broken(record, Reason.MISSING_HASH, "The record carries no hash.");
        }
        if (!head.equals(record.previousHash())) {
            return broken(
                    record,
                    Reason.PREVIOUS_HASH_MISMATCH,
                    "The record names previous hash " + record.previousHash() + "; the record before it hashes to "
                            + head + ".");
        }
        String recomputed;
        try {
            recomputed = RecordChain.hash(withPrevious(record.link(), head));
        } catch (IllegalArgumentException e) {
            return broken(record, Reason.UNREADABLE, e.getMessage());
        }
        if (!recomputed.equals(record.hash())) {
            return broken(
                    record,
                    Reason.HASH_MISMATCH,
                    "Stored hash " + record.hash() + "; the content hashes to " + recomputed + ".");
        }
        return null;
    }

    private static ChainLink withPrevious(ChainLink l, String previousHash) {
        return new ChainLink(
                l.type(),
                l.revision(),
                l.treaty(),
                l.sequence(),
                l.legalDate(),
                l.recordedAt(),
                l.recordedBy(),
                l.payload(),
                previousHash);
    }

    private static BrokenRecord broken(StoredRecord record, Reason reason, String detail) {
        return new BrokenRecord(record.sequence(), record.recordId(), reason, detail);
    }
}
