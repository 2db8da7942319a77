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

    /**
     * Whether a head hash kept outside the chain (passed by the caller, or published in the status
     * and the depositary notifications) is the hash of a verified record of this chain: the chain
     * has not lost that record or anything before it. {@code sequence} is that record's; {@code head}
     * says it is the chain's last record. A chain cut after a record cannot show this by itself:
     * only a head kept elsewhere tells that later records are missing.
     */
    public record HeadMatch(String hash, boolean found, Long sequence, boolean head) {}

    private final java.util.Set<String> sought;
    private final java.util.Map<String, Long> found = new java.util.HashMap<>();
    private String head = RecordChain.GENESIS;
    private long expectedSequence;
    private long records;
    private BrokenRecord broken;

    public ChainVerifier() {
        this(java.util.List.of());
    }

    /** A verifier that also looks for these head hashes among the records it verifies (nulls ignored). */
    public ChainVerifier(java.util.Collection<String> soughtHeads) {
        this.sought = new java.util.HashSet<>();
        for (String hash : soughtHeads) {
            if (hash != null) {
                sought.add(normalise(hash));
            }
        }
    }

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
            if (sought.contains(head)) {
                found.putIfAbsent(head, record.sequence());
            }
        }
        return this;
    }

    /**
     * Where {@code hash} (one of the sought heads) is among the verified records: a record before the
     * first break, whose hash it is. Not found if the chain lost it, or anything up to it, or was
     * rewritten.
     */
    public HeadMatch match(String hash) {
        String wanted = normalise(hash);
        Long sequence = found.get(wanted);
        return new HeadMatch(
                hash, sequence != null, sequence, sequence != null && broken == null && wanted.equals(head));
    }

    /** Hashes are compared in lower case and without surrounding spaces, as docs/CHAIN.md writes them. */
    private static String normalise(String hash) {
        return hash.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public Verdict verdict() {
        return new Verdict(broken == null, records, head, broken);
    }

    public static Verdict verify(Iterable<StoredRecord> records) {
        ChainVerifier verifier = new ChainVerifier();
        records.forEach(verifier::accept);
        return verifier.verdict();
    }

    /** Verifies the records and looks for the sought heads among them; read the matches from the verifier. */
    public static ChainVerifier verifying(Iterable<StoredRecord> records, java.util.Collection<String> soughtHeads) {
        ChainVerifier verifier = new ChainVerifier(soughtHeads);
        records.forEach(verifier::accept);
        return verifier;
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
