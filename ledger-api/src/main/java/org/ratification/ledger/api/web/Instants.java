package org.ratification.ledger.api.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.ratification.ledger.core.rules.Rejection;

/** Recording instants given as request parameters: ISO-8601, in UTC ("Z") or with an offset. */
final class Instants {

    private Instants() {}

    /** The instant, or null when the parameter is absent. */
    static Instant parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException again) {
                throw Rejection.invalid(
                                "INVALID_INSTANT",
                                "The parameter '" + parameter
                                        + "' must be an ISO-8601 instant such as 2026-01-10T12:00:00Z.")
                        .exception();
            }
        }
    }
}
