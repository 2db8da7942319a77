package org.ratification.ledger.api.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ratification.ledger.core.rules.Bounds;
import org.ratification.ledger.core.rules.Rejection;

/**
 * Checks of request fields that answer 400 with a stable code before anything is sent. The bounds
 * are the domain's ({@link Bounds}); the aggregate checks them again, so a command sent by another
 * way is refused alike.
 */
final class Require {

    static final int MAX_TEXT = Bounds.MAX_TEXT;
    /** Fits the read model's columns: place and reference are VARCHAR(255), title VARCHAR(1000). */
    static final int MAX_SHORT_TEXT = Bounds.MAX_SHORT_TEXT;

    static final int MAX_TITLE = Bounds.MAX_TITLE;
    static final int MAX_TEXTS = Bounds.MAX_TEXTS;

    private Require() {}

    static <T> T present(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw Rejection.invalid("MISSING_FIELD", "The field '" + field + "' is required.")
                    .exception();
        }
        return value;
    }

    /**
     * A participant code as the registry spells it (ISO 3166-1 alpha-3, or a REIO's code): two or
     * three ASCII letters, ASCII lower case upper-cased. Anything else is refused before any case
     * mapping, so that no Unicode folding ("ß" to "SS", "ﬁ" to "FI", dotless "ı" to "I") can turn
     * one code into another.
     */
    static String participant(String code, String field) {
        String value = present(code, field).trim();
        if (!value.matches("[A-Za-z]{2,3}")) {
            throw Rejection.invalid(
                            "INVALID_PARTICIPANT_CODE",
                            "'" + field
                                    + "' must be an ISO 3166-1 alpha-3 code such as FRA, or EU for the European Union"
                                    + " (ASCII letters only).")
                    .exception();
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /** A text within {@code max} characters, well-formed Unicode, without control characters but tab and line breaks. */
    static String text(String value, String field, int max) {
        refuse(Bounds.text(field, value, max));
        return value;
    }

    static List<String> texts(List<String> values, String field) {
        return texts(values, field, MAX_TEXT);
    }

    static List<String> texts(List<String> values, String field, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_TEXTS) {
            throw Rejection.invalid("TOO_MANY_TEXTS", "'" + field + "' has more than " + MAX_TEXTS + " entries.")
                    .exception();
        }
        for (String value : values) {
            present(value, field + "[]");
            text(value, field + "[]", max);
        }
        return List.copyOf(values);
    }

    /** An acknowledged irregularity as the domain bounds it (code and note), or null. */
    static org.ratification.ledger.core.api.Irregularity irregularity(Requests.Irregularity value) {
        if (value == null) {
            return null;
        }
        var irregularity = new org.ratification.ledger.core.api.Irregularity(value.code(), value.note());
        refuse(Bounds.irregularity(irregularity));
        return irregularity;
    }

    static String recordId(String value, String field) {
        String id = present(value, field);
        refuse(Bounds.recordId(field, id));
        return id;
    }

    private static void refuse(Optional<Rejection> rejection) {
        rejection.ifPresent(r -> {
            throw r.exception();
        });
    }
}
