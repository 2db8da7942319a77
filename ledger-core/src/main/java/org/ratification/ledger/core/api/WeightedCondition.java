package org.ratification.ledger.core.api;

import java.util.Map;

/**
 * A weighted condition of entry into force (docs/CLAUSES.md, family 5): the counted participants'
 * weights must sum to at least {@code percent} per cent of {@code total}. Weights are whole numbers in
 * a unit the definition chooses (Kyoto: Gg of CO2 in 1990; Paris: hundredths of a per cent of global
 * emissions), so that the record chain's canonical form holds integers only.
 *
 * @param weights each weighted participant's weight (participants not listed weigh nothing)
 * @param total the whole the percentage is of; null means the sum of {@code weights}
 * @param percent the share required, 0 to 100
 * @param description what the weights measure, for the status explanation (may be null)
 */
public record WeightedCondition(Map<String, Long> weights, Long total, int percent, String description) {

    /** The whole the percentage is taken of. */
    public long whole() {
        return total != null
                ? total
                : weights.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether {@code sum} reaches the required share of the whole (exact, in integers). */
    public boolean reachedBy(long sum) {
        return sum * 100 >= (long) percent * whole();
    }
}
