package org.ratification.ledger.api.log;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ratification.ledger.api.security.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The verifiable log (docs/LOG.md). Public: its answers are hashes, signatures and sizes; the
 * export of the leaves with their records is for auditors.
 */
@RestController
@RequestMapping("/api/log")
@Tag(name = "Log", description = "The verifiable log: signed checkpoints, inclusion and consistency proofs")
class LogController {

    static final String NDJSON = "application/x-ndjson";

    private final LogService log;
    private final boolean enabled;

    LogController(LogService log, LogProperties properties) {
        this.log = log;
        this.enabled = properties.enabled();
    }

    /** {@code ledger.log.enabled=false}: every endpoint answers 503 LOG_DISABLED. */
    @ModelAttribute
    void requireEnabled() {
        if (!enabled) {
            throw new LogDisabledException();
        }
    }

    static final class LogDisabledException extends RuntimeException {
        LogDisabledException() {
            super("The verifiable log is switched off on this ledger (ledger.log.enabled=false): it appends no leaves"
                    + " and signs no checkpoints.");
        }
    }

    @ExceptionHandler(LogDisabledException.class)
    ResponseEntity<ProblemDetail> disabled(LogDisabledException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        body.setType(URI.create(ProblemResponses.type(LOG_DISABLED)));
        body.setTitle(ProblemResponses.title(LOG_DISABLED));
        body.setProperty("code", LOG_DISABLED);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    static final String LOG_DISABLED = "LOG_DISABLED";

    @GetMapping("/key")
    @Operation(
            summary = "The public key that signs the log's checkpoints",
            description = "Ed25519; `publicKey` is the 32 raw bytes in base64, `keyId` the first four bytes of its"
                    + " SHA-256 in hexadecimal.")
    LogService.LogKey key() {
        return log.key();
    }

    @GetMapping("/checkpoint")
    @Operation(
            summary = "The latest signed checkpoint",
            description = "Save it: later, a consistency proof from its size shows that the log still holds every"
                    + " record it covered, unchanged. 404 LOG_EMPTY before the first record.")
    SignedCheckpoint checkpoint() {
        return log.latest();
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "Signed checkpoints of size 'from' or more, smallest first, at most 'limit' (1 to 1000)")
    List<SignedCheckpoint> checkpoints(
            @Parameter(description = "The smallest tree size", example = "0") @RequestParam(defaultValue = "0")
                    long from,
            @Parameter(description = "How many, 1 to 1000", example = "100") @RequestParam(defaultValue = "100")
                    int limit) {
        return log.checkpoints(from, limit);
    }

    @GetMapping("/proof/inclusion")
    @Operation(
            summary = "The RFC 9162 audit path of a record in the tree of 'size' leaves",
            description = "Without 'size', in the latest checkpoint. 404 RECORD_NOT_IN_LOG for an unknown record,"
                    + " 400 SIZE_BEYOND_LOG for a size the log has not reached, 400 RECORD_AFTER_TREE_SIZE when the"
                    + " record came after it.")
    LogService.InclusionProof inclusion(
            @Parameter(description = "The record's id") @RequestParam String recordId,
            @Parameter(description = "The tree size, e.g. a saved checkpoint's") @RequestParam(required = false)
                    Long size) {
        return log.inclusion(recordId, size);
    }

    @GetMapping("/proof/consistency")
    @Operation(
            summary = "The RFC 9162 consistency proof from the tree of 'from' leaves to that of 'to' leaves",
            description = "400 INVALID_TREE_SIZES unless 1 <= from <= to, 400 SIZE_BEYOND_LOG beyond the log.")
    LogService.ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        return log.consistency(from, to);
    }

    @GetMapping(
            value = "/leaves",
            produces = {NDJSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            summary = "Every leaf of the log with its record, as JSON Lines (auditors)",
            description = "In leaf order: the record as the event store holds it now and the chain hash the log"
                    + " appended. `java -jar ledger-api.jar verify log-export <file> --checkpoint <file> --key <file>`"
                    + " recomputes the root and names the first leaf that differs.")
    ResponseEntity<StreamingResponseBody> leaves() {
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                log.export(writer);
            } finally {
                writer.flush();
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(NDJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"log-leaves.ndjson\"")
                .body(body);
    }
}
