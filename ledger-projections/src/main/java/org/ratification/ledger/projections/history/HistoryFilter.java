package org.ratification.ledger.projections.history;

import java.time.Instant;

/**
 * Which records of a treaty's history to show: those of one participant, and those recorded
 * within an interval (both ends included, compared to the nanosecond). Any field may be null.
 */
public record HistoryFilter(String participant, Instant recordedFrom, Instant recordedTo) {

    public static HistoryFilter none() {
        return new HistoryFilter(null, null, null);
    }
}
