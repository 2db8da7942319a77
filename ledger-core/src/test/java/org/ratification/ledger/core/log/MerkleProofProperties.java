package org.ratification.ledger.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every proof of a random log verifies, and none does once a leaf is changed, removed or moved. */
class MerkleProofProperties {

    private static List<byte[]> leaves(int size, int seed) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(MerkleHash.leaf(new byte[] {(byte) i, (byte) (i >> 8), (byte) seed}));
        }
        return leaves;
    }

    @Property(tries = 200)
    void everyInclusionProofVerifiesAndFailsForAnotherLeaf(
            @ForAll @IntRange(min = 1, max = 300) int size,
            @ForAll @IntRange(min = 0, max = 299) int at,
            @ForAll @IntRange(min = 0, max = 255) int seed) {
        int index = at % size;
        List<byte[]> leaves = leaves(size, seed);
        Map<NodeId, byte[]> nodes = MerkleTreeTest.appendAll(new Frontier(), leaves);
        byte[] root = MerkleProofs.rootOf(leaves);
        List<byte[]> proof = MerkleProofs.inclusionProof(index, size, MerkleTreeTest.reader(nodes));
        assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(index), proof, root))
                .isTrue();

        byte[] changed = leaves.get(index).clone();
        changed[seed % 32] ^= 1;
        assertThat(MerkleProofs.verifyInclusion(index, size, changed, proof, root))
                .isFalse();
        if (size > 1) {
            int other = (index + 1) % size;
            assertThat(MerkleProofs.verifyInclusion(other, size, leaves.get(index), proof, root))
                    .isFalse();
            assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(other), proof, root))
                    .isFalse();
        }
    }

    @Property(tries = 200)
    void everyConsistencyProofVerifiesAndFailsForAChangedHistory(
            @ForAll @IntRange(min = 1, max = 300) int second,
            @ForAll @IntRange(min = 1, max = 300) int at,
            @ForAll @IntRange(min = 0, max = 299) int changedAt) {
        int first = 1 + (at - 1) % second;
        List<byte[]> leaves = leaves(second, 7);
        Map<NodeId, byte[]> nodes = MerkleTreeTest.appendAll(new Frontier(), leaves);
        byte[] firstRoot = MerkleProofs.rootOf(leaves.subList(0, first));
        byte[] secondRoot = MerkleProofs.rootOf(leaves);
        List<byte[]> proof = MerkleProofs.consistencyProof(first, second, MerkleTreeTest.reader(nodes));
        assertThat(MerkleProofs.verifyConsistency(first, second, proof, firstRoot, secondRoot))
                .isTrue();

        // a history in which one of the first leaves was changed: its own tree and proof are consistent,
        // but not with the root kept from before
        List<byte[]> tampered = new ArrayList<>(leaves);
        int index = changedAt % first;
        tampered.set(index, MerkleHash.leaf(new byte[] {9, 9, 9}));
        Map<NodeId, byte[]> tamperedNodes = MerkleTreeTest.appendAll(new Frontier(), tampered);
        List<byte[]> tamperedProof = MerkleProofs.consistencyProof(first, second, MerkleTreeTest.reader(tamperedNodes));
        byte[] tamperedRoot = MerkleProofs.rootOf(tampered);
        assertThat(MerkleProofs.verifyConsistency(first, second, tamperedProof, firstRoot, tamperedRoot))
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(first, second, proof, firstRoot, tamperedRoot))
                .isFalse();

        if (first >= 2) {
            List<byte[]> swapped = new ArrayList<>(leaves);
            Collections.swap(swapped, index, (index + 1) % first);
            assertThat(MerkleProofs.rootOf(swapped.subList(0, first))).isNotEqualTo(firstRoot);
            Map<NodeId, byte[]> swappedNodes = MerkleTreeTest.appendAll(new Frontier(), swapped);
            List<byte[]> swappedProof =
                    MerkleProofs.consistencyProof(first, second, MerkleTreeTest.reader(swappedNodes));
            assertThat(MerkleProofs.verifyConsistency(
                            first, second, swappedProof, firstRoot, MerkleProofs.rootOf(swapped)))
                    .isFalse();
        }
    }

    @Property(tries = 100)
    void theRootOfAnEarlierSizeFromStoredNodesIsTheTreeHashOfThoseLeaves(
            @ForAll @IntRange(min = 0, max = 500) int size, @ForAll @IntRange(min = 0, max = 500) int earlier) {
        int m = size == 0 ? 0 : earlier % (size + 1);
        List<byte[]> leaves = leaves(size, 3);
        Frontier frontier = new Frontier();
        Map<NodeId, byte[]> nodes = MerkleTreeTest.appendAll(frontier, leaves);
        assertThat(frontier.root()).isEqualTo(MerkleProofs.rootOf(leaves));
        assertThat(MerkleProofs.rootAt(m, MerkleTreeTest.reader(nodes)))
                .isEqualTo(MerkleProofs.rootOf(leaves.subList(0, m)));
    }
}
