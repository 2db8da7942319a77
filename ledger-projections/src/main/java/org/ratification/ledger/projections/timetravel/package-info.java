/**
 * Time travel on the recording axis: what the ledger said at a past instant. The treaty's events
 * are read from the event store (from sequence 0, never from a snapshot), those recorded after the
 * instant are left out, and the rest are folded with {@code TreatyFacts} and computed with
 * {@code StatusCalculator} for any legal date, so the answer at the latest instant is the status
 * read model's answer. The deserialised events of a treaty are kept between questions and extended
 * with what was appended since (see {@code TimeTravel}).
 */
package org.ratification.ledger.projections.timetravel;
