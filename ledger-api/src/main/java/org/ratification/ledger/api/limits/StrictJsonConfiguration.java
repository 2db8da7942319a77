package org.ratification.ledger.api.limits;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.ratification.ledger.core.rules.Bounds;
import org.ratification.ledger.core.rules.Rejection;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads request JSON strictly, so that a malformed request is refused rather than guessed at: a
 * date is a "YYYY-MM-DD" string (not an array or a day number), a text is a string (not a number
 * or a boolean), an enum is named (not numbered), keys are not repeated and nothing follows the
 * document, and every string of every request is well-formed Unicode (a lone UTF-16 surrogate,
 * which JSON's {@code \\uD800} escape can express, is refused with {@code INVALID_UNICODE}: it could
 * not be written as UTF-8, so the export would not be what was recorded). Stored events use their
 * own mapper and are not affected.
 */
@Configuration
class StrictJsonConfiguration {

    /** Runs after Spring Security (order -100) and before the idempotency filter. */
    static final int BODY_LIMIT_ORDER = -90;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestJson() {
        SimpleModule dates = new SimpleModule("ledger-strict-dates");
        dates.addDeserializer(LocalDate.class, new IsoDateDeserializer());
        dates.addDeserializer(String.class, new WellFormedStringDeserializer());
        return builder -> builder.featuresToEnable(
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .modulesToInstall(modules -> modules.add(dates))
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(LimitSettings settings) {
        var registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(settings.maxRequestBody().toBytes()));
        registration.setOrder(BODY_LIMIT_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** A string as Jackson reads it, refused if it is not well-formed UTF-16 (a lone surrogate). */
    static final class WellFormedStringDeserializer extends StdScalarDeserializer<String> {

        WellFormedStringDeserializer() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && !Bounds.wellFormed(value)) {
                String field = p.getParsingContext().getCurrentName();
                throw JsonMappingException.from(
                        p,
                        "Ill-formed Unicode",
                        Rejection.invalid(
                                        "INVALID_UNICODE",
                                        "The field '" + (field == null ? "?" : field)
                                                + "' is not well-formed Unicode (it contains a lone surrogate).")
                                .exception());
            }
            return value;
        }
    }

    /** A LocalDate only from a string of the form YYYY-MM-DD naming a real day. */
    static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

        private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        IsoDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (!ISO.matcher(text).matches()) {
                throw InvalidFormatException.from(p, "A date is written YYYY-MM-DD.", text, LocalDate.class);
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "No such day: " + text, text, LocalDate.class);
            }
        }
    }
}
