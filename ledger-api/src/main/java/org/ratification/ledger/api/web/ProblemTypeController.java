package org.ratification.ledger.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.regex.Pattern;
import org.ratification.ledger.api.security.ProblemResponses;
import org.ratification.ledger.core.rules.Rejection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The problem types: every refusal's {@code type} is {@code /problems/<code>} (RFC 9457: a URI
 * reference, resolved against the request's URI), and here it resolves to a short page that names
 * the problem. The codes themselves, per operation, are in the OpenAPI description
 * ({@code x-problem-codes}).
 */
@RestController
@Tag(name = "Problem types", description = "What the type of a problem+json answer refers to")
class ProblemTypeController {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    @GetMapping("/problems/{code}")
    @Operation(
            summary = "The page of a problem type (HTML)",
            description = "Names the problem whose type is /problems/{code}: its title and code, and where the"
                    + " codes are listed. A name that is not a code is 404 NOT_FOUND.")
    ResponseEntity<Object> problemType(
            @Parameter(description = "A problem's code", example = "NOT_SIGNED") @PathVariable String code) {
        if (!CODE.matcher(code).matches()) {
            return ProblemHandler.problem(Rejection.notFound(
                    "NOT_FOUND", "'" + code + "' is not a problem code; codes are upper case, such as NOT_SIGNED."));
        }
        String title = ProblemResponses.title(code);
        String page =
                """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>%1$s (%2$s) · Ratification Ledger</title></head>
                <body>
                <h1>%1$s</h1>
                <p>The problem <code>%2$s</code> of the Ratification Ledger's API: an answer in
                <code>application/problem+json</code> (RFC 9457) whose <code>code</code> is <code>%2$s</code>
                and whose <code>detail</code> says what was refused and why. A refused request records nothing.</p>
                <p>Which operations answer it, and with which status: the
                <a href="/swagger-ui.html">API description</a> (<code>x-problem-codes</code> of each response).</p>
                </body>
                </html>
                """
                        .formatted(title, code);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(page);
    }
}
