package org.ratification.ledger.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.ratification.ledger.core.rules.Bounds;
import org.ratification.ledger.core.rules.Rejection;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every date and instant a request gives as a query parameter, in one place: legal dates ({@code
 * asOf}, {@code from}, {@code to}, any {@code LocalDate} parameter) through the formatter registered
 * here, recording instants ({@code recordedAt}, {@code recordedFrom}, {@code recordedTo}) through
 * {@link #instant}. Both are ISO-8601 and keep the bounds the ledger keeps on every date it records
 * ({@link Bounds}: the years 1 to 9999, an instant by its UTC day), so no read computes on a date no
 * record could carry: 400 {@code DATE_OUT_OF_RANGE} (ProblemHandler names the parameter of a legal date).
 */
@Configuration(proxyBeanMethods = false)
class QueryDates implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // added after Spring's own, so it also reads the parameters annotated @DateTimeFormat(iso = DATE)
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_DATE);
                Bounds.date("date", date).ifPresent(outside -> {
                    throw Rejection.invalid(outside.code(), "(" + date + ") is outside the years 1 to 9999.")
                            .exception();
                });
                return date;
            }

            @Override
            public String print(LocalDate date, Locale locale) {
                return date.toString();
            }
        });
    }

    /** The instant, or null when the parameter is absent: in UTC ("Z") or with an offset. */
    static Instant instant(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                instant = OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException again) {
                throw Rejection.invalid(
                                "INVALID_INSTANT",
                                "The parameter '" + parameter
                                        + "' must be an ISO-8601 instant such as 2026-01-10T12:00:00Z.")
                        .exception();
            }
        }
        LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
        Bounds.date(parameter, day).ifPresent(outside -> {
            throw outside.exception();
        });
        return instant;
    }
}
