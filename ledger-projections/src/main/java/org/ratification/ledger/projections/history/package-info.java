/**
 * The audit history read model: one row per event of a treaty's stream, with its record id, its
 * kind, the participant, the legal date, when and by whom it was recorded, its position in the
 * treaty's chain and in the global event stream, the links between a correction or retraction and
 * the record it corrects, and the full payload and metadata. Pages for auditors and a JSON Lines
 * export complete enough to recompute the status without the service.
 */
package org.ratification.ledger.projections.history;
