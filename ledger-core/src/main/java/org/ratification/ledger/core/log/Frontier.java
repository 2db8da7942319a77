package org.ratification.ledger.core.log;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The incremental state of the log (a "compact range" from leaf 0): the hashes of the complete
 * subtrees that the binary decomposition of the size covers, largest first. Appending a leaf merges
 * equal-sized subtrees (O(log n) hashes) and reports each complete node it creates, so the nodes
 * can be stored; the root of the current size is folded from at most 63 hashes.
 */
public final class Frontier {

    private long size;
    /** Hashes of the decomposition, largest (leftmost) first; one per set bit of {@code size}. */
    private final List<byte[]> roots = new ArrayList<>();

    public Frontier() {}

    /**
     * The frontier of a log of {@code size} leaves from its complete subtree hashes, in the order
     * {@link #nodesOf(long)} lists them.
     */
    public static Frontier of(long size, List<byte[]> decomposition) {
        List<NodeId> ids = nodesOf(size);
        if (ids.size() != decomposition.size()) {
            throw new IllegalArgumentException(
                    "A log of " + size + " leaves has " + ids.size() + " subtrees, not " + decomposition.size());
        }
        Frontier frontier = new Frontier();
        frontier.size = size;
        frontier.roots.addAll(decomposition);
        return frontier;
    }

    /** The complete subtrees whose concatenation is the first {@code size} leaves, largest first. */
    public static List<NodeId> nodesOf(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("A size is not negative: " + size);
        }
        List<NodeId> ids = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                ids.add(new NodeId(level, start >> level));
                start += 1L << level;
            }
        }
        return ids;
    }

    public long size() {
        return size;
    }

    /**
     * Appends a leaf hash; {@code created} receives every complete node this creates: the leaf
     * itself (level 0), then each merged subtree above it.
     */
    public void append(byte[] leafHash, BiConsumer<NodeId, byte[]> created) {
        if (leafHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("A leaf hash is 32 bytes");
        }
        byte[] hash = leafHash;
        long index = size;
        int level = 0;
        created.accept(new NodeId(0, index), hash);
        while ((size & (1L << level)) != 0) {
            hash = MerkleHash.node(roots.remove(roots.size() - 1), hash);
            level++;
            index >>= 1;
            created.accept(new NodeId(level, index), hash);
        }
        roots.add(hash);
        size++;
    }

    /** The Merkle Tree Hash of the log's leaves. */
    public byte[] root() {
        return fold(roots);
    }

    /** The decomposition's hashes, largest subtree first. */
    public List<byte[]> decomposition() {
        return List.copyOf(roots);
    }

    /** Folds complete subtree hashes, largest (leftmost) first, into the hash of their range. */
    static byte[] fold(List<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return MerkleHash.empty();
        }
        byte[] hash = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            hash = MerkleHash.node(hashes.get(i), hash);
        }
        return hash;
    }
}
