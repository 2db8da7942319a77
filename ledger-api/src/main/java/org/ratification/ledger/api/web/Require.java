package org.ratification.ledger.api.web;

import java.util.List;
import java.util.Locale;
import org.ratification.ledger.core.rules.Rejection;

/** Checks of request fields that answer 400 with a stable code before anything is sent. */
final class Require {

    static final int MAX_TEXT = 20_000;
    /** Fits the read model's columns: place and reference are VARCHAR(255), title VARCHAR(1000). */
    static final int MAX_SHORT_TEXT = 255;

    static final int MAX_TITLE = 1000;
    static final int MAX_TEXTS = 50;

    private Require() {}

    static <T> T present(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw Rejection.invalid("MISSING_FIELD", "The field '" + field + "' is required.")
                    .exception();
        }
        return value;
    }

    /** A participant code as the registry spells it (ISO 3166-1 alpha-3, or a REIO's code). */
    static String participant(String code, String field) {
        String value = present(code, field).trim().toUpperCase(Locale.ROOT);
        if (!value.matches("[A-Z]{2,3}")) {
            throw Rejection.invalid(
                            "INVALID_PARTICIPANT_CODE",
                            "'" + field
                                    + "' must be an ISO 3166-1 alpha-3 code such as FRA, or EU for the European Union.")
                    .exception();
        }
        return value;
    }

    static String text(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw Rejection.invalid("TEXT_TOO_LONG", "The field '" + field + "' has more than " + max + " characters.")
                    .exception();
        }
        if (value != null
                && value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw Rejection.invalid("CONTROL_CHARACTERS", "The field '" + field + "' contains control characters.")
                    .exception();
        }
        return value;
    }

    static List<String> texts(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_TEXTS) {
            throw Rejection.invalid("TOO_MANY_TEXTS", "'" + field + "' has more than " + MAX_TEXTS + " entries.")
                    .exception();
        }
        for (String value : values) {
            present(value, field + "[]");
            text(value, field + "[]", MAX_TEXT);
        }
        return List.copyOf(values);
    }

    static String recordId(String value, String field) {
        String id = present(value, field);
        if (!id.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw Rejection.invalid("INVALID_RECORD_ID", "'" + field + "' is not a record id.")
                    .exception();
        }
        return id;
    }
}
