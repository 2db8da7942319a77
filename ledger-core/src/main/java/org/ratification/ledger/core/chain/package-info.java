/**
 * The tamper-evident chain of a treaty's records: the canonical form of a record, its SHA-256 hash
 * chained to the previous record's hash, and the verification of a stored chain. Pure functions,
 * no Spring, no storage: the aggregate, the service's verification endpoint and offline verifiers
 * share them. The exact specification is docs/CHAIN.md.
 */
package org.ratification.ledger.core.chain;
