package org.ratification.ledger.core.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import org.ratification.ledger.core.api.DateRounding;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.WeightedCondition;

/**
 * The words for an entry-into-force clause, shared by the status explanation and the depositary
 * notifications so both say the same thing. For a clause of the original family (days only) the
 * words are those the ledger always used ("the 90th day after the date of deposit of the 40th
 * instrument").
 */
public final class ClauseText {

    private ClauseText() {}

    /** "the 90th day after", "the first day of the month after the 60th day following", … */
    public static String delay(int days, Integer months, DateRounding rounding) {
        int m = months == null ? 0 : months;
        DateRounding r = rounding == null ? DateRounding.NONE : rounding;
        String span = m == 0
                ? ordinal(days) + " day"
                : days == 0 ? m + (m == 1 ? " month" : " months") : m + " months and " + days + " days";
        return switch (r) {
            case NONE -> m == 0 ? "the " + span + " after" : "the day " + span + " after";
            case FIRST_DAY_OF_NEXT_MONTH -> m == 0
                    ? "the first day of the month after the " + span + " following"
                    : "the first day of the month after the day " + span + " after";
            case FIRST_DAY_OF_MONTH -> days == 0 && m > 0
                    ? "the first day of the " + ordinal(m) + " month after the month of"
                    : "the first day of the month of the day " + span + " after";
        };
    }

    /** The general rule: "the 90th day after the date of deposit of the 40th instrument", with its conditions. */
    public static String generalRule(EntryIntoForceClause clause, Function<String, String> names) {
        StringBuilder text = new StringBuilder(
                        delay(clause.daysAfterThreshold(), clause.monthsAfterThreshold(), clause.rounding()))
                .append(" the date of deposit of the ")
                .append(ordinal(clause.instrumentsRequired()))
                .append(" instrument");
        if (clause.countedInstruments() != null && !clause.countedInstruments().isEmpty()) {
            text.append(" of ").append(kinds(clause.countedInstruments()));
        }
        List<String> required = clause.requiredParticipants();
        if (required != null && !required.isEmpty()) {
            text.append(", once all ").append(required.size()).append(" named participants have deposited theirs");
        }
        WeightedCondition weighted = clause.weighted();
        if (weighted != null) {
            text.append(", by participants accounting for at least ")
                    .append(weighted.percent())
                    .append(" per cent")
                    .append(weighted.description() == null ? " of the weights" : " of " + weighted.description());
        }
        if (clause.notBefore() != null) {
            text.append(", but in no case earlier than ").append(clause.notBefore());
        }
        return text.toString();
    }

    /** The rule for a later instrument, as a sentence. */
    public static String laterRule(EntryIntoForceClause clause) {
        String own = delay(clause.daysAfterLaterInstrument(), clause.monthsAfterLaterInstrument(), clause.rounding())
                + " its deposit";
        if (clause.laterClockFromEntryIntoForce()) {
            return "For an instrument deposited on or after the date of entry into force: " + own
                    + "; an instrument deposited before that date takes the general date.";
        }
        return "For an instrument deposited later: " + own + ", or the general date if that is later.";
    }

    /**
     * How far the named-set and weighted conditions are ("" for a clause without them): "Named participants:
     * 36 of 44 have deposited; 8 missing: China, …." with the missing participants by {@code names}.
     */
    public static String progress(
            EntryIntoForceClause clause, EntryIntoForce.Result result, Function<String, String> names) {
        StringBuilder text = new StringBuilder();
        List<String> required = clause.requiredParticipants();
        if (required != null && !required.isEmpty()) {
            text.append(" Named participants: ")
                    .append(result.requiredDeposited())
                    .append(" of ")
                    .append(required.size())
                    .append(" have deposited");
            List<String> missing = result.requiredMissing();
            if (!missing.isEmpty()) {
                text.append("; ")
                        .append(missing.size())
                        .append(" missing: ")
                        .append(String.join(", ", missing.stream().map(names).toList()));
            }
            text.append('.');
        }
        WeightedCondition weighted = clause.weighted();
        if (weighted != null) {
            text.append(" Weighted condition: ")
                    .append(percent(result.weight(), weighted.whole()))
                    .append(" per cent of the required ")
                    .append(weighted.percent())
                    .append(" per cent")
                    .append(weighted.description() == null ? "" : " of " + weighted.description())
                    .append(weighted.reachedBy(result.weight()) ? " (met)." : " (not met).");
        }
        return text.toString();
    }

    /** {@code part} as a percentage of {@code whole}, two decimals. */
    public static String percent(long part, long whole) {
        if (whole <= 0) {
            return "0.00";
        }
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    static String kinds(List<InstrumentType> types) {
        List<String> words = types.stream()
                .map(t -> t.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .toList();
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    static String ordinal(int n) {
        return StatusCalculator.ordinal(n);
    }
}
