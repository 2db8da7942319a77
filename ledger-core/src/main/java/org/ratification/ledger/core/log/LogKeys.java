package org.ratification.ledger.core.log;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys and signatures of checkpoints, with the JDK's own provider. A public key travels as
 * its 32 raw bytes (RFC 8032), base64; a private key as PKCS#8 DER, base64. The key id is the first
 * four bytes of SHA-256 of the raw public key, in hexadecimal.
 */
public final class LogKeys {

    public static final String ALGORITHM = "Ed25519";

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 raw key bytes. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private LogKeys() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java runtime has no Ed25519", e);
        }
    }

    public static String privateKeyText(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The key pair of a PKCS#8 private key (base64), its public half derived from it. */
    public static KeyPair fromPrivateKeyText(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.trim());
            PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            // an Ed25519 PKCS#8 v1 structure ends with the 32-byte seed; the public key follows from it
            byte[] seed = Arrays.copyOfRange(der, der.length - 32, der.length);
            PublicKey publicKey = publicKeyOfSeed(seed);
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key (PKCS#8, base64): " + e.getMessage(), e);
        }
    }

    private static PublicKey publicKeyOfSeed(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(255, new FixedRandom(seed));
        return generator.generateKeyPair().getPublic();
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    public static String publicKeyText(PublicKey key) {
        return Base64.getEncoder().encodeToString(raw(key));
    }

    public static PublicKey publicKey(String rawBase64) {
        byte[] raw = Base64.getDecoder().decode(rawBase64.trim());
        if (raw.length != 32) {
            throw new IllegalArgumentException("An Ed25519 public key is 32 bytes, not " + raw.length);
        }
        byte[] der = new byte[SPKI_PREFIX.length + 32];
        System.arraycopy(SPKI_PREFIX, 0, der, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw(key));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature of a checkpoint's note, base64. */
    public static String sign(Checkpoint checkpoint, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(checkpoint.noteBytes());
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a checkpoint: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signatureBase64} is {@code key}'s signature of exactly these note bytes. */
    public static boolean verify(byte[] note, String signatureBase64, PublicKey key) {
        try {
            byte[] signature = Base64.getDecoder().decode(signatureBase64.trim());
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(note);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Hands out the seed as the "random" bytes of key generation, so the pair is the seed's. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
