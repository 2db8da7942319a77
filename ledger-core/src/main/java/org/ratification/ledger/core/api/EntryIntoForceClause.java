package org.ratification.ledger.core.api;

/**
 * The entry-into-force article as data: the number of instruments that brings the treaty into
 * force, the days after the threshold instrument, the days after a later participant's own
 * instrument, and whether instruments of regional economic integration organizations count.
 */
public record EntryIntoForceClause(
        int instrumentsRequired, int daysAfterThreshold, int daysAfterLaterInstrument, boolean reioInstrumentsCount) {}
