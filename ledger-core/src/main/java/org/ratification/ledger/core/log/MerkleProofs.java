package org.ratification.ledger.core.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9162 §2.1.3 and §2.1.4: which subtree hashes make up an inclusion proof or a consistency
 * proof, how each is assembled from stored complete subtrees, and the verification algorithms.
 */
public final class MerkleProofs {

    /** The leaves {@code [start, end)}: a subtree of the RFC's recursion, whose hash a proof needs. */
    public record Range(long start, long end) {}

    /** Reads the hashes of complete subtrees (all that are asked for must exist). */
    @FunctionalInterface
    public interface NodeReader {
        Map<NodeId, byte[]> read(Collection<NodeId> nodes);
    }

    private MerkleProofs() {}

    /** The ranges of the audit path of leaf {@code index} in the tree of {@code size} leaves, leaf side first. */
    public static List<Range> inclusionRanges(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of " + size);
        }
        List<Range> ranges = new ArrayList<>();
        path(index, 0, size, ranges);
        return ranges;
    }

    private static void path(long m, long start, long end, List<Range> out) {
        long n = end - start;
        if (n <= 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < start + k) {
            path(m, start, start + k, out);
            out.add(new Range(start + k, end));
        } else {
            path(m, start + k, end, out);
            out.add(new Range(start, start + k));
        }
    }

    /** The ranges of the consistency proof from the tree of {@code first} leaves to that of {@code second}. */
    public static List<Range> consistencyRanges(long first, long second) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("No consistency proof from " + first + " to " + second);
        }
        List<Range> ranges = new ArrayList<>();
        if (first < second) {
            subproof(first, 0, second, true, ranges);
        }
        return ranges;
    }

    private static void subproof(long m, long start, long end, boolean complete, List<Range> out) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(new Range(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, out);
            out.add(new Range(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(new Range(start, start + k));
        }
    }

    /**
     * The complete subtrees whose hashes, folded right to left ({@code node(a, node(b, c))}), give the
     * hash of a range of the recursion: the range itself if complete, else its largest left subtree
     * and the decomposition of the rest.
     */
    public static List<NodeId> decompose(Range range) {
        List<NodeId> nodes = new ArrayList<>();
        long start = range.start();
        while (start < range.end()) {
            long n = range.end() - start;
            long k = Long.bitCount(n) == 1 ? n : Long.highestOneBit(n);
            int level = Long.numberOfTrailingZeros(k);
            if (start % k != 0) {
                throw new IllegalArgumentException("Not a subtree of the log: " + range);
            }
            nodes.add(new NodeId(level, start >> level));
            start += k;
        }
        return nodes;
    }

    /** The hashes of {@code ranges}, in order, read with one call to {@code reader}. */
    public static List<byte[]> hashes(List<Range> ranges, NodeReader reader) {
        Set<NodeId> wanted = new LinkedHashSet<>();
        List<List<NodeId>> parts = new ArrayList<>();
        for (Range range : ranges) {
            List<NodeId> nodes = decompose(range);
            parts.add(nodes);
            wanted.addAll(nodes);
        }
        Map<NodeId, byte[]> read = wanted.isEmpty() ? Map.of() : reader.read(wanted);
        List<byte[]> hashes = new ArrayList<>();
        for (List<NodeId> nodes : parts) {
            List<byte[]> subtrees = new ArrayList<>();
            for (NodeId node : nodes) {
                byte[] hash = read.get(node);
                if (hash == null) {
                    throw new IllegalStateException("The log has no node " + node);
                }
                subtrees.add(hash);
            }
            hashes.add(Frontier.fold(subtrees));
        }
        return hashes;
    }

    public static List<byte[]> inclusionProof(long index, long size, NodeReader reader) {
        return hashes(inclusionRanges(index, size), reader);
    }

    public static List<byte[]> consistencyProof(long first, long second, NodeReader reader) {
        return hashes(consistencyRanges(first, second), reader);
    }

    /** The Merkle Tree Hash of the first {@code size} leaves of a log from its stored nodes. */
    public static byte[] rootAt(long size, NodeReader reader) {
        if (size == 0) {
            return MerkleHash.empty();
        }
        return hashes(List.of(new Range(0, size)), reader).get(0);
    }

    /** RFC 9162 §2.1.3.2: does {@code proof} place {@code leafHash} at {@code index} of the tree {@code size, root}? */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || leafHash == null || root == null) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || p == null || p.length != MerkleHash.SIZE) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2: does {@code proof} show that the tree {@code second, secondRoot} extends the
     * tree {@code first, firstRoot}?
     */
    public static boolean verifyConsistency(
            long first, long second, List<byte[]> proof, byte[] firstRoot, byte[] secondRoot) {
        if (first < 1 || first > second || firstRoot == null || secondRoot == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        for (byte[] p : path) {
            if (p == null || p.length != MerkleHash.SIZE) {
                return false;
            }
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** The Merkle Tree Hash of a list of leaf hashes, by the RFC's recursive definition (for checks). */
    public static byte[] rootOf(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return MerkleHash.empty();
        }
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = (int) largestPowerOfTwoBelow(leafHashes.size());
        return MerkleHash.node(rootOf(leafHashes.subList(0, k)), rootOf(leafHashes.subList(k, leafHashes.size())));
    }

    /** The largest power of two smaller than {@code n} (n at least 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** A reader over leaf hashes held in memory (tests, offline checks): computes each node. */
    public static NodeReader inMemory(List<byte[]> leafHashes) {
        return nodes -> {
            Map<NodeId, byte[]> read = new java.util.HashMap<>();
            for (NodeId node : nodes) {
                if (node.end() > leafHashes.size()) {
                    continue;
                }
                read.put(node, rootOf(leafHashes.subList((int) node.start(), (int) node.end())));
            }
            return read;
        };
    }
}
