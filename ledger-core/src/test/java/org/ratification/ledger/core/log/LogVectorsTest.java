package org.ratification.ledger.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test vectors of docs/LOG.md, asserted here so that they cannot drift: a log of three leaves
 * (the chain hashes of docs/CHAIN.md's vectors 2 and 1, then 64 zeros), its roots, proofs, and a
 * checkpoint signed with a fixed key (Ed25519 signatures are deterministic).
 */
class LogVectorsTest {

    static final String CHAIN_1 = "a86594d7ad45eef9ed7d272ed9ee2ddb0ebf336cbe20d45a7a7f6a5d4957571e";
    static final String CHAIN_2 = "848db0ce302dc930c130b8fb9de7e7b84c85acc23aa7645e5b444c3f8b7e1b71";
    static final String CHAIN_3 = "0".repeat(64);

    static final String LEAF_1 = "0c39b5d13cc6cbdef68f62f85b9479c064dcf1515684df8672491699b764d360";
    static final String LEAF_2 = "d775ebcd063abb80f55a7554dbd53c3850eeb8720867d632babdcbe96f408ffb";
    static final String LEAF_3 = "7f9c9e31ac8256ca2f258583df262dbc7d6f68f2a03043d5c99a4ae5a7396ce9";
    static final String ROOT_2 = "8447737263bc582f5330f1e44836d482da5b45bdf460ce2a07a5911fa9a20849";
    static final String ROOT_3 = "e3329b2365d93b39a2feef819ba357eecfd0cf2a375c82cb861593bb7ad7af01";

    /** PKCS#8 of the Ed25519 private key whose 32-byte seed is 00 01 02 … 1f. */
    static final String PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f";

    static final String PUBLIC_KEY = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=";
    static final String KEY_ID = "56475aa7";
    static final String NOTE =
            "ratification-ledger\n3\n4zKbI2XZOzmi/u+Bm6NX7s/Qzyo3XILLhhWTu3rXrwE=\n2026-01-12T09:30:00Z\n";
    static final String SIGNATURE =
            "+tJI0rUcruAceyAhe6KEfDisbfCQubab2TDvViQLa8yK4wIn63wH4pV3FsoTTLdQ37UjvErFUZ2tltu+QhSYAA==";

    @Test
    void leavesRootsAndProofs() {
        List<byte[]> leaves = List.of(
                MerkleHash.leafOfChainHash(CHAIN_1),
                MerkleHash.leafOfChainHash(CHAIN_2),
                MerkleHash.leafOfChainHash(CHAIN_3));
        assertThat(leaves.stream().map(MerkleHash::hex)).containsExactly(LEAF_1, LEAF_2, LEAF_3);
        Frontier frontier = new Frontier();
        var nodes = MerkleTreeTest.appendAll(frontier, leaves);
        assertThat(MerkleHash.hex(frontier.root())).isEqualTo(ROOT_3);
        assertThat(MerkleHash.hex(MerkleProofs.rootAt(2, MerkleTreeTest.reader(nodes))))
                .isEqualTo(ROOT_2);
        assertThat(MerkleProofs.inclusionProof(1, 3, MerkleTreeTest.reader(nodes)).stream()
                        .map(MerkleHash::hex))
                .containsExactly(LEAF_1, LEAF_3);
        assertThat(MerkleProofs.consistencyProof(2, 3, MerkleTreeTest.reader(nodes)).stream()
                        .map(MerkleHash::hex))
                .containsExactly(LEAF_3);
    }

    @Test
    void aSignedCheckpoint() {
        KeyPair keys = LogKeys.fromPrivateKeyText(PRIVATE_KEY);
        assertThat(LogKeys.publicKeyText(keys.getPublic())).isEqualTo(PUBLIC_KEY);
        assertThat(LogKeys.keyId(keys.getPublic())).isEqualTo(KEY_ID);
        Checkpoint checkpoint = new Checkpoint(
                "ratification-ledger", 3, MerkleHash.parseHex(ROOT_3), Instant.parse("2026-01-12T09:30:00Z"));
        assertThat(checkpoint.note()).isEqualTo(NOTE);
        assertThat(LogKeys.sign(checkpoint, keys.getPrivate())).isEqualTo(SIGNATURE);
        assertThat(LogKeys.verify(checkpoint.noteBytes(), SIGNATURE, LogKeys.publicKey(PUBLIC_KEY)))
                .isTrue();
    }
}
