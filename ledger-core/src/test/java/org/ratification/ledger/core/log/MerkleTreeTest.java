package org.ratification.ledger.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RFC 6962 / RFC 9162 reference vectors of Certificate Transparency (the eight leaves of
 * certificate-transparency's merkle tree tests): tree heads of every size, audit paths and
 * consistency proofs, generated from stored nodes and verified.
 */
class MerkleTreeTest {

    static final List<byte[]> LEAF_DATA = List.of(
            hex(""),
            hex("00"),
            hex("10"),
            hex("2021"),
            hex("3031"),
            hex("40414243"),
            hex("5051525354555657"),
            hex("606162636465666768696a6b6c6d6e6f"));

    static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    };

    static List<byte[]> leaves() {
        return LEAF_DATA.stream().map(MerkleHash::leaf).toList();
    }

    /** A store of nodes filled as the frontier creates them, as the service stores them. */
    static Map<NodeId, byte[]> appendAll(Frontier frontier, List<byte[]> leaves) {
        Map<NodeId, byte[]> nodes = new HashMap<>();
        for (byte[] leaf : leaves) {
            frontier.append(leaf, nodes::put);
        }
        return nodes;
    }

    static MerkleProofs.NodeReader reader(Map<NodeId, byte[]> nodes) {
        return wanted -> {
            Map<NodeId, byte[]> read = new HashMap<>();
            wanted.forEach(id -> {
                if (nodes.containsKey(id)) {
                    read.put(id, nodes.get(id));
                }
            });
            return read;
        };
    }

    @Test
    void treeHeadsOfEverySizeMatchTheReference() {
        assertThat(MerkleHash.hex(MerkleHash.empty())).isEqualTo(ROOTS[0]);
        Frontier frontier = new Frontier();
        assertThat(MerkleHash.hex(frontier.root())).isEqualTo(ROOTS[0]);
        Map<NodeId, byte[]> nodes = new HashMap<>();
        List<byte[]> leaves = leaves();
        for (int n = 1; n <= leaves.size(); n++) {
            frontier.append(leaves.get(n - 1), nodes::put);
            assertThat(MerkleHash.hex(frontier.root()))
                    .as("incremental, size %d", n)
                    .isEqualTo(ROOTS[n]);
            assertThat(MerkleHash.hex(MerkleProofs.rootOf(leaves.subList(0, n))))
                    .isEqualTo(ROOTS[n]);
        }
        for (int n = 0; n <= leaves.size(); n++) {
            assertThat(MerkleHash.hex(MerkleProofs.rootAt(n, reader(nodes))))
                    .as("from stored nodes, size %d", n)
                    .isEqualTo(ROOTS[n]);
        }
    }

    @Test
    void auditPathsMatchTheReference() {
        Map<NodeId, byte[]> nodes = appendAll(new Frontier(), leaves());
        assertInclusion(
                nodes,
                0,
                8,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(
                nodes,
                5,
                8,
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertInclusion(nodes, 2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(
                nodes,
                1,
                5,
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertInclusion(nodes, 0, 1);
    }

    @Test
    void consistencyProofsMatchTheReference() {
        Map<NodeId, byte[]> nodes = appendAll(new Frontier(), leaves());
        assertConsistency(nodes, 1, 1);
        assertConsistency(
                nodes,
                1,
                8,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(
                nodes,
                6,
                8,
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(
                nodes,
                2,
                5,
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void refusesProofsOutsideTheTree() {
        assertThatThrownBy(() -> MerkleProofs.inclusionRanges(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistencyRanges(0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistencyRanges(9, 8)).isInstanceOf(IllegalArgumentException.class);
        byte[] root = MerkleProofs.rootOf(leaves());
        assertThat(MerkleProofs.verifyInclusion(8, 8, leaves().get(0), List.of(), root))
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 8, List.of(), root, root)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 3, List.of(root), root, root))
                .isFalse();
    }

    @Test
    void frontierRestoredFromItsDecompositionContinuesTheSameTree() {
        List<byte[]> leaves = leaves();
        Frontier first = new Frontier();
        Map<NodeId, byte[]> nodes = appendAll(first, leaves.subList(0, 5));
        List<byte[]> decomposition = new ArrayList<>();
        for (NodeId id : Frontier.nodesOf(5)) {
            decomposition.add(nodes.get(id));
        }
        Frontier restored = Frontier.of(5, decomposition);
        for (byte[] leaf : leaves.subList(5, 8)) {
            restored.append(leaf, nodes::put);
        }
        assertThat(MerkleHash.hex(restored.root())).isEqualTo(ROOTS[8]);
    }

    private static void assertInclusion(Map<NodeId, byte[]> nodes, long index, long size, String... expected) {
        List<byte[]> proof = MerkleProofs.inclusionProof(index, size, reader(nodes));
        assertThat(proof.stream().map(MerkleHash::hex).toList()).containsExactly(expected);
        byte[] root = MerkleHash.parseHex(ROOTS[(int) size]);
        assertThat(MerkleProofs.verifyInclusion(index, size, leaves().get((int) index), proof, root))
                .isTrue();
        assertThat(MerkleProofs.verifyInclusion(index, size, leaves().get((int) index), proof, MerkleHash.empty()))
                .isFalse();
    }

    private static void assertConsistency(Map<NodeId, byte[]> nodes, long first, long second, String... expected) {
        List<byte[]> proof = MerkleProofs.consistencyProof(first, second, reader(nodes));
        assertThat(proof.stream().map(MerkleHash::hex).toList()).containsExactly(expected);
        assertThat(MerkleProofs.verifyConsistency(
                        first,
                        second,
                        proof,
                        MerkleHash.parseHex(ROOTS[(int) first]),
                        MerkleHash.parseHex(ROOTS[(int) second])))
                .isTrue();
    }

    static byte[] hex(String hex) {
        return MerkleHash.parseHex(hex);
    }
}
