package org.ratification.ledger.core.rules;

import java.util.Optional;
import org.ratification.ledger.core.api.TreatyDefinition;

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
                || d.signature().closesOn() == null) {
            return invalid("signature.opensOn and signature.closesOn are required.");
        }
        if (d.signature().closesOn().isBefore(d.signature().opensOn())
                || d.signature().opensOn().isBefore(d.adoptedOn())) {
            return invalid("The signature period must start on or after adoption and close on or after it opens.");
        }
        if (d.entryIntoForce() == null) {
            return invalid("entryIntoForce is required.");
        }
        if (d.denunciation() == null) {
            return invalid("denunciation.takesEffectAfterMonths is required.");
        }
        return Bounds.definition(d);
    }

    private static Optional<Rejection> invalid(String message) {
        return Optional.of(Rejection.invalid("INVALID_TREATY_DEFINITION", message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
