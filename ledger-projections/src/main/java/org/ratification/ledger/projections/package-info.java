/**
 * Read models folded from the events of {@code ledger-core}'s message contract, one package per
 * read model. Projections never import the aggregate; they share the pure rule code of
 * {@code core.rules} so that every reader computes the same status from the same facts.
 */
package org.ratification.ledger.projections;
