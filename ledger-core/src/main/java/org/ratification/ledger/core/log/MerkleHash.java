package org.ratification.ledger.core.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * RFC 9162 §2.1.1 tree hashing with SHA-256: a leaf is {@code SHA-256(0x00 || leaf bytes)}, an
 * interior node {@code SHA-256(0x01 || left || right)}, the empty tree {@code SHA-256("")}. The
 * ledger's leaf bytes are the 32 bytes of a record's chain hash (docs/CHAIN.md).
 */
public final class MerkleHash {

    /** The length of every hash, in bytes. */
    public static final int SIZE = 32;

    private static final HexFormat HEX = HexFormat.of();

    private MerkleHash() {}

    public static byte[] leaf(byte[] leafBytes) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        digest.update(leafBytes);
        return digest.digest();
    }

    /** The leaf hash of a record whose chain hash is {@code chainHashHex} (64 hexadecimal digits). */
    public static byte[] leafOfChainHash(String chainHashHex) {
        if (chainHashHex == null || chainHashHex.length() != 2 * SIZE) {
            throw new IllegalArgumentException("A chain hash is 64 hexadecimal digits: " + chainHashHex);
        }
        return leaf(HEX.parseHex(chainHashHex));
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    public static byte[] empty() {
        return sha256().digest();
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static byte[] parseHex(String hex) {
        return HEX.parseHex(hex);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
