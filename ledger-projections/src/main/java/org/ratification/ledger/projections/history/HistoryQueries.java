package org.ratification.ledger.projections.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Answers audit questions from the history read model. */
@Service
public class HistoryQueries {

    public static final int MAX_PAGE_SIZE = 500;

    private final HistoryRepository repository;

    public HistoryQueries(HistoryRepository repository) {
        this.repository = repository;
    }

    /** One page of a treaty's history in chain order; {@code size} is at most {@link #MAX_PAGE_SIZE}. */
    public HistoryPage page(String treatyId, HistoryFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size within 1.." + MAX_PAGE_SIZE);
        }
        long total = repository.count(treatyId, filter);
        List<HistoryRecord> records = repository.page(treatyId, filter, page, size);
        return new HistoryPage(records, page, size, total);
    }

    /** The record at {@code sequence} of a treaty's chain (from 0), with its corrections. */
    public Optional<HistoryRecord> record(String treatyId, long sequence) {
        return repository.at(treatyId, sequence);
    }

    /** Every record of a treaty in chain order, each with its corrections, one at a time. */
    public void export(String treatyId, Consumer<HistoryRecord> consumer) {
        Map<String, List<String>> corrections = new HashMap<>();
        repository.each(treatyId, r -> {
            if (r.correctsRecordId() != null) {
                corrections
                        .computeIfAbsent(r.correctsRecordId(), k -> new ArrayList<>())
                        .add(r.recordId());
            }
        });
        repository.each(
                treatyId, r -> consumer.accept(r.withCorrectedBy(corrections.getOrDefault(r.recordId(), List.of()))));
    }

    public boolean hasTreaty(String treatyId) {
        return repository.hasTreaty(treatyId);
    }
}
