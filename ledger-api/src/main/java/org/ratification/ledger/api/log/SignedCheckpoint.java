package org.ratification.ledger.api.log;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A checkpoint as the service publishes it: the note that was signed (docs/LOG.md) with its fields
 * read out, and the Ed25519 signature of the note's UTF-8 bytes.
 */
@Schema(description = "A signed checkpoint of the log: verify `signature` over the bytes of `note`")
public record SignedCheckpoint(
        String origin, long size, String rootHash, String timestamp, String note, String signature, String keyId) {}
