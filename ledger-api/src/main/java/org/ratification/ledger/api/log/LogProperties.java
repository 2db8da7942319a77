package org.ratification.ledger.api.log;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The verifiable log's settings.
 *
 * @param origin the first line of every checkpoint: the log's name
 * @param privateKey the Ed25519 signing key, PKCS#8 DER in base64; when absent the key is read from
 *     {@code keyFile}, which is created with a new key on first start
 * @param keyFile where the signing key is kept when it is not configured
 * @param batchSize how many records the log processor appends per transaction (one checkpoint each)
 */
@ConfigurationProperties("ledger.log")
public record LogProperties(String origin, String privateKey, String keyFile, Integer batchSize) {

    public LogProperties {
        origin = origin == null || origin.isBlank() ? "ratification-ledger" : origin.strip();
        if (origin.contains("\n") || origin.length() > 200) {
            throw new IllegalArgumentException("ledger.log.origin is one line of at most 200 characters");
        }
        privateKey = privateKey == null || privateKey.isBlank() ? null : privateKey;
        keyFile = keyFile == null || keyFile.isBlank() ? "data/log-signing.key" : keyFile;
        batchSize = batchSize == null ? 500 : batchSize;
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("ledger.log.batch-size is between 1 and 10000");
        }
    }
}
