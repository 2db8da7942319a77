/**
 * Verification of a treaty's chain from the event store itself: raw rows read with JDBC, payload
 * and metadata deserialized with the storage serializer, every hash recomputed (docs/CHAIN.md).
 */
package org.ratification.ledger.api.chain;
