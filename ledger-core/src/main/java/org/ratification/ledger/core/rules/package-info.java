/**
 * Pure rule code, shared by the aggregate (to decide), the projections and time travel (to
 * compute) and the offline verifier: the fold of a treaty's events into its current facts, the
 * treaty's rules over those facts, entry-into-force arithmetic and the status on a date. No clock,
 * no I/O.
 */
package org.ratification.ledger.core.rules;
