/**
 * What changed in a treaty's legal status between two legal dates: the status computed on each
 * date compared participant by participant (who signed, deposited, became a party, denounced,
 * withdrew) and for the treaty (threshold reached, entry into force, signature opened or closed),
 * with the actions whose legal date falls in the interval.
 */
package org.ratification.ledger.projections.changes;
