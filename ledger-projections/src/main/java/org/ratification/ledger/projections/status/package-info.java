/**
 * The status read model: each treaty's clauses and its action records as they now stand. The
 * treaty line and the participants table for any legal date are computed from these rows by
 * {@code StatusCalculator}, so statuses that change with the passing of time need no event.
 */
package org.ratification.ledger.projections.status;
