package org.ratification.ledger.api.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The depositary imports a published status table (UNTC layout) into a treaty. */
@RestController
@RequestMapping("/api/treaties/{treatyId}")
@Tag(name = "Records", description = "The depositary's writes: each records one action and answers its record id")
class ImportController {

    static final String TEXT_CSV = "text/csv";

    static final String EXAMPLE =
            """
            Participant,Signature,"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"
            Australia,9 Dec 1998,1 Jul 2002
            Germany2,10 Dec 1998,11 Dec 2000
            Montenegro,,23 Oct 2006 d
            """;

    private final StatusTableImport imports;

    ImportController(StatusTableImport imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/import", consumes = TEXT_CSV, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a published status table (UN Treaty Collection layout)",
            description =
                    "A CSV file with the header Participant,Signature,\"Ratification, Acceptance(A), Approval(AA),"
                            + " Accession(a), Succession(d)\" (other instrument headings and further columns tolerated),"
                            + " participants by their UN short names (older names and footnote numbers accepted) and cells"
                            + " such as '12 Dec 2000' or '7 Jun 2004 a'. With dryRun=true, answers the report and records"
                            + " nothing. Otherwise every row is checked against the treaty's rules first; a table with any"
                            + " problem records nothing (422 IMPORT_REFUSED); else its actions are recorded in legal-date"
                            + " order (201; 200 when everything was already recorded), each with the file's SHA-256 as"
                            + " its 'source' metadata.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = TEXT_CSV, examples = @ExampleObject(name = "table", value = EXAMPLE)))
    ResponseEntity<ImportReport> importTable(
            @Parameter(description = "The treaty's id", example = "rome-statute") @PathVariable String treatyId,
            @Parameter(description = "Check and report only; record nothing") @RequestParam(defaultValue = "false")
                    boolean dryRun,
            @RequestBody(required = false) byte[] csv) {
        ImportReport report = imports.importTable(treatyId, csv, dryRun);
        HttpStatus status = report.recorded() > 0 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(report);
    }

    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ImportRefusedException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        String words = e.code().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        body.setTitle(Character.toUpperCase(words.charAt(0)) + words.substring(1));
        body.setProperty("code", e.code());
        body.setProperty("report", e.report());
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
