package org.ratification.ledger.api.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ratification.ledger.api.security.ProblemResponses;
import org.ratification.ledger.core.rules.RejectedException;
import org.ratification.ledger.core.rules.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as RFC 9457 problem+json with a stable {@code code} and a sentence a depositary
 * understands. Domain refusals keep their own code; framework errors get one by their status.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(RejectedException.class)
    ResponseEntity<Object> rejected(RejectedException e) {
        return problem(e.rejection());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> treatyNotFound(AggregateNotFoundException e) {
        return problem(TreatyController.notFound(String.valueOf(e.getAggregateIdentifier())));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> alreadyRegistered(AggregateStreamCreationException e) {
        return problem(Rejection.conflict("TREATY_ALREADY_REGISTERED", "A treaty with this id is already registered."));
    }

    /** Axon reports a second stream with an existing aggregate id as an event store failure. */
    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<Object> eventStore(EventStoreException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("Cannot reuse aggregate identifier")) {
            return problem(
                    Rejection.conflict("TREATY_ALREADY_REGISTERED", "A treaty with this id is already registered."));
        }
        return unexpected(e);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrent(ConcurrencyException e) {
        return problem(Rejection.conflict(
                "CONCURRENT_WRITE",
                "Another record for this treaty was written at the same moment; send the request again."));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RejectedException r) {
            return rejected(r);
        }
        if (cause instanceof AggregateNotFoundException n) {
            return treatyNotFound(n);
        }
        if (cause instanceof AggregateStreamCreationException c) {
            return alreadyRegistered(c);
        }
        if (cause instanceof ConcurrencyException c) {
            return concurrent(c);
        }
        if (cause instanceof EventStoreException s) {
            return eventStore(s);
        }
        return unexpected(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
        if (e.getMostSpecificCause() instanceof RejectedException bound) {
            // a bound QueryDates checked while reading the parameter, whose name is known only here
            return problem(Rejection.invalid(
                    bound.rejection().code(),
                    "The parameter '" + e.getName() + "' " + bound.rejection().message()));
        }
        boolean date = e.getRequiredType() != null && Temporal.class.isAssignableFrom(e.getRequiredType());
        if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            return invalidEnum("INVALID_PARAMETER", "The parameter '" + e.getName() + "'", e.getRequiredType());
        }
        return problem(Rejection.invalid(
                date ? "INVALID_DATE" : "INVALID_PARAMETER",
                "The parameter '" + e.getName() + "' has an invalid value"
                        + (date ? "; dates are written YYYY-MM-DD." : ".")));
    }

    /**
     * An unknown name for an enumeration: the detail lists the names allowed, and so does the
     * {@code allowedValues} member, in declaration order.
     */
    private static ResponseEntity<Object> invalidEnum(String code, String what, Class<?> type) {
        List<String> allowed = Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name())
                .toList();
        ResponseEntity<Object> response = problem(
                Rejection.invalid(code, what + " has an invalid value; allowed: " + String.join(", ", allowed) + "."));
        ((ProblemDetail) response.getBody()).setProperty("allowedValues", allowed);
        return response;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The ledger could not complete the request; nothing was recorded unless a record id was returned.");
        body.setProperty("code", "INTERNAL_ERROR");
        return json(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof RejectedException rejected) {
            // a bound checked while reading the body (ill-formed Unicode): its own code
            return problem(rejected.rejection());
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonParseException parse
                && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field ")) {
            // STRICT_DUPLICATE_DETECTION (StrictJsonConfiguration): a repeated key is not malformed JSON
            // to every reader, so it has a code of its own
            return problem(Rejection.invalid(
                    "DUPLICATE_KEY",
                    "The field " + parse.getOriginalMessage().substring("Duplicate field ".length())
                            + " appears more than once in the request body."));
        }
        if (cause instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
            return problem(Rejection.invalid("INVALID_VALUE", "A number in the request is out of range."));
        }
        if (e.getCause() instanceof UnrecognizedPropertyException u) {
            return problem(Rejection.invalid(
                    "UNKNOWN_FIELD", "The field '" + u.getPropertyName() + "' is not part of this request."));
        }
        if (e.getCause() instanceof MismatchedInputException m
                && !m.getPath().isEmpty()
                && m.getTargetType() != null
                && m.getTargetType().isEnum()) {
            return invalidEnum("INVALID_VALUE", "The field '" + path(m) + "'", m.getTargetType());
        }
        if (e.getCause() instanceof InvalidFormatException f) {
            boolean date = Temporal.class.isAssignableFrom(f.getTargetType());
            return problem(Rejection.invalid(
                    date ? "INVALID_DATE" : "INVALID_VALUE",
                    "The field '" + path(f) + "' has an invalid value"
                            + (date ? "; dates are written YYYY-MM-DD." : ".")));
        }
        if (e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return problem(Rejection.invalid("INVALID_VALUE", "The field '" + path(m) + "' has the wrong type."));
        }
        if (cause instanceof java.time.DateTimeException && e.getCause() instanceof JsonMappingException m) {
            return problem(Rejection.invalid(
                    "INVALID_DATE", "The field '" + path(m) + "' is not a valid date; dates are written YYYY-MM-DD."));
        }
        return problem(Rejection.invalid("MALFORMED_JSON", "The request body is missing or is not valid JSON."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p
                ? p
                : ProblemDetail.forStatusAndDetail(status, e.getMessage() == null ? "" : e.getMessage());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", codeFor(status));
        }
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(typed(problem));
    }

    private static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static ResponseEntity<Object> problem(Rejection rejection) {
        HttpStatus status =
                switch (rejection.kind()) {
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
                };
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, rejection.message());
        body.setProperty("code", rejection.code());
        return json(body);
    }

    private static ResponseEntity<Object> json(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(typed(body));
    }

    /**
     * The type and title follow the code: {@code /problems/NOT_SIGNED} (a page served by {@link
     * ProblemTypeController}) and "Not signed", in sentence case, also for the framework's errors.
     */
    private static ProblemDetail typed(ProblemDetail body) {
        if (body.getProperties() != null && body.getProperties().get("code") instanceof String code) {
            body.setType(URI.create(ProblemResponses.type(code)));
            body.setTitle(ProblemResponses.title(code));
        }
        return body;
    }
}
