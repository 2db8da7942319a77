/**
 * Idempotent writes: a POST under /api/ with an {@code Idempotency-Key} header is recorded at most
 * once. The key, a hash of the request and the response are kept in the database, so a retry
 * answers the original response also after a restart.
 */
package org.ratification.ledger.api.idempotency;
