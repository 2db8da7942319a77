package org.ratification.ledger.core.rules;

import java.util.Optional;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/** What makes a treaty definition usable: every clause present and its numbers, dates and texts within {@link Bounds}. */
public final class DefinitionRules {

    private DefinitionRules() {}

    public static Optional<Rejection> check(String treatyId, TreatyDefinition d) {
        if (d == null || blank(d.id()) || blank(d.reference()) || blank(d.title()) || d.adoptedOn() == null) {
            return invalid("id, reference, title and adoptedOn are required.");
        }
        if (!d.id().equals(treatyId)) {
            return invalid("The definition's id '" + d.id() + "' differs from the treaty id '" + treatyId + "'.");
        }
        if (!Bounds.TREATY_ID.matcher(d.id()).matches()) {
            return invalid("A treaty id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (d.signature() == null
                || d.signature().opensOn() == null
                || (d.signature().closesOn() == null && d.signature().closesAtEntryIntoForce() == null)) {
            return invalid(
                    "signature.opensOn is required, and signature.closesOn unless signature.closesAtEntryIntoForce"
                            + " is given (false: open indefinitely).");
        }
        if ((d.signature().closesOn() != null
                        && d.signature().closesOn().isBefore(d.signature().opensOn()))
                || d.signature().opensOn().isBefore(d.adoptedOn())) {
            return invalid("The signature period must start on or after adoption and close on or after it opens.");
        }
        if (d.entryIntoForce() == null) {
            return invalid("entryIntoForce is required.");
        }
        if (d.denunciation() == null) {
            return invalid("denunciation.takesEffectAfterMonths is required.");
        }
        return Bounds.definition(d).or(() -> clauseFamilies(d));
    }

    /** Longest delay in days a clause may name (a century). */
    public static final int MAX_DAYS = 36_500;
    /** Longest delay in months a clause may name (a century). */
    public static final int MAX_MONTHS = 1_200;
    /** Longest waiting period in years a clause may name. */
    public static final int MAX_YEARS = 100;
    /** Most participants a named set or a weighted condition may list. */
    public static final int MAX_LISTED = 1_000;
    /** Largest weight or total of a weighted condition. */
    public static final long MAX_WEIGHT = 1_000_000_000_000L;

    /** The optional members of docs/CLAUSES.md's families, each bounded where it enters. */
    private static Optional<Rejection> clauseFamilies(TreatyDefinition d) {
        var eif = d.entryIntoForce();
        if (eif.instrumentsRequired() > MAX_LISTED
                || eif.daysAfterThreshold() > MAX_DAYS
                || eif.daysAfterLaterInstrument() > MAX_DAYS) {
            return invalid("entryIntoForce: at most " + MAX_LISTED + " instruments and " + MAX_DAYS + " days.");
        }
        if (outside(eif.monthsAfterThreshold(), MAX_MONTHS) || outside(eif.monthsAfterLaterInstrument(), MAX_MONTHS)) {
            return invalid(
                    "entryIntoForce.monthsAfterThreshold and monthsAfterLaterInstrument are 0 to " + MAX_MONTHS + ".");
        }
        if (eif.notBefore() != null
                && (eif.notBefore().isBefore(d.adoptedOn()) || eif.notBefore().getYear() > 9999)) {
            return invalid("entryIntoForce.notBefore is on or after adoption and before the year 10000.");
        }
        if (eif.requiredParticipants() != null) {
            var named = eif.requiredParticipants();
            if (named.isEmpty()
                    || named.size() > MAX_LISTED
                    || named.stream().anyMatch(DefinitionRules::blank)
                    || named.stream().distinct().count() != named.size()) {
                return invalid("entryIntoForce.requiredParticipants lists 1 to " + MAX_LISTED
                        + " distinct participant codes.");
            }
        }
        var weighted = eif.weighted();
        if (weighted != null) {
            if (weighted.weights() == null
                    || weighted.weights().isEmpty()
                    || weighted.weights().size() > MAX_LISTED) {
                return invalid("entryIntoForce.weighted.weights lists 1 to " + MAX_LISTED + " participants.");
            }
            boolean badWeight = weighted.weights().entrySet().stream()
                    .anyMatch(w ->
                            blank(w.getKey()) || w.getValue() == null || w.getValue() < 0 || w.getValue() > MAX_WEIGHT);
            long sum = weighted.weights().values().stream()
                    .filter(v -> v != null && v >= 0 && v <= MAX_WEIGHT)
                    .mapToLong(Long::longValue)
                    .sum();
            if (badWeight || sum > MAX_WEIGHT) {
                return invalid("entryIntoForce.weighted.weights are whole numbers from 0 to " + MAX_WEIGHT
                        + " (in a unit the definition chooses), summing to at most " + MAX_WEIGHT + ".");
            }
            if (weighted.total() != null && (weighted.total() < 1 || weighted.total() > MAX_WEIGHT)) {
                return invalid("entryIntoForce.weighted.total is 1 to " + MAX_WEIGHT + ".");
            }
            if (weighted.total() == null && sum < 1) {
                return invalid("entryIntoForce.weighted needs a total, or weights that sum to at least 1.");
            }
            if (weighted.percent() < 0 || weighted.percent() > 100) {
                return invalid("entryIntoForce.weighted.percent is 0 to 100.");
            }
            if (weighted.description() != null && weighted.description().length() > 500) {
                return invalid("entryIntoForce.weighted.description is at most 500 characters.");
            }
        }
        if (eif.countedInstruments() != null
                && (eif.countedInstruments().isEmpty()
                        || eif.countedInstruments().stream().anyMatch(java.util.Objects::isNull))) {
            return invalid("entryIntoForce.countedInstruments lists at least one kind of instrument.");
        }
        var denunciation = d.denunciation();
        if (denunciation.takesEffectAfterMonths() > MAX_MONTHS
                || outside(denunciation.takesEffectAfterDays(), MAX_DAYS)
                || outside(denunciation.notBeforeYearsInForce(), MAX_YEARS)) {
            return invalid("denunciation: at most " + MAX_MONTHS + " months, " + MAX_DAYS + " days and a waiting period"
                    + " of " + MAX_YEARS + " years, none negative.");
        }
        return Optional.empty();
    }

    /** Every participant a named set or weighted condition lists is known to {@code registry}. */
    public static Optional<Rejection> checkParticipants(TreatyDefinition d, ParticipantRegistry registry) {
        var eif = d.entryIntoForce();
        java.util.List<String> listed = new java.util.ArrayList<>();
        if (eif.requiredParticipants() != null) {
            listed.addAll(eif.requiredParticipants());
        }
        if (eif.weighted() != null && eif.weighted().weights() != null) {
            listed.addAll(eif.weighted().weights().keySet());
        }
        return listed.stream()
                .filter(code -> !registry.isKnown(code))
                .findFirst()
                .flatMap(code ->
                        invalid("entryIntoForce names participant '" + code + "', which is not known to the ledger."));
    }

    private static boolean outside(Integer value, int max) {
        return value != null && (value < 0 || value > max);
    }

    private static Optional<Rejection> invalid(String message) {
        return Optional.of(Rejection.invalid("INVALID_TREATY_DEFINITION", message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
