/**
 * The verifiable log of every record (issue 17, docs/LOG.md): the processor that appends each
 * record's chain hash as a leaf of one Merkle tree and signs a checkpoint after each batch, the
 * tables that keep the tree across restarts, the signing key, and the public endpoints that serve
 * checkpoints and RFC 9162 proofs.
 */
package org.ratification.ledger.api.log;
