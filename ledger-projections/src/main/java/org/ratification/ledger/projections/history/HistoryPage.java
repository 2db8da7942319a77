package org.ratification.ledger.projections.history;

import java.util.List;

/** One page of a treaty's audit history, in chain order; {@code total} counts every matching record. */
public record HistoryPage(List<HistoryRecord> records, int page, int size, long total) {}
