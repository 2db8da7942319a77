package org.ratification.ledger.core.log;

/**
 * A complete subtree of the log: the {@code 2^level} leaves from {@code index * 2^level}. Level 0
 * is a leaf. Once all its leaves are appended a complete subtree's hash never changes, so it can be
 * stored and read back for proofs.
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("No such node: level " + level + ", index " + index);
        }
    }

    public long start() {
        return index << level;
    }

    public long end() {
        return (index + 1) << level;
    }
}
