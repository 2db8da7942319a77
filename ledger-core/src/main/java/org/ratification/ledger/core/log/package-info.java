/**
 * The verifiable log (RFC 9162 style): every record of every treaty is a leaf of one append-only
 * Merkle tree, whose leaf is the record's chain hash. Tree hashing, the incremental frontier,
 * inclusion and consistency proofs (generation from stored subtree nodes, and verification), and
 * the signed checkpoint note. Pure functions, no Spring, no storage; docs/LOG.md is the
 * specification.
 */
package org.ratification.ledger.core.log;
