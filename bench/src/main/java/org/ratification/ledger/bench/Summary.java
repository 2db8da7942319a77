package org.ratification.ledger.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One metric over the measured repetitions: the median, the minimum and the maximum. Warm-up runs
 * are never added.
 */
record Summary(double median, double min, double max, int repetitions, List<Double> values) {

    static Summary of(List<Double> values) {
        List<Double> sorted =
                new ArrayList<>(values.stream().filter(v -> !v.isNaN()).toList());
        if (sorted.isEmpty()) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0, List.copyOf(values));
        }
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.get(0), sorted.get(n - 1), n, List.copyOf(values));
    }

    boolean isMissing() {
        return repetitions == 0;
    }
}
