package org.ratification.ledger.api.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to an import, dry or real: one entry per row of the table with the participant as
 * written, the code found for it, the actions the row stands for and what became of each, and the
 * problems that stop the import, each with a stable code.
 *
 * @param source {@code sha256:<hex>} of the file, the {@code source} metadata of every record it made
 * @param toRecord actions the table adds to the ledger (recorded, or to be recorded in a dry run)
 * @param alreadyRecorded actions the ledger already holds exactly as the table states them (skipped)
 * @param recorded actions recorded by this request (0 in a dry run or a refused import)
 * @param problems the number of problems, in rows and in {@code tableProblems}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(
        String treatyId,
        boolean dryRun,
        String source,
        int rows,
        int toRecord,
        int alreadyRecorded,
        int recorded,
        int problems,
        List<String> ignoredColumns,
        List<Problem> tableProblems,
        List<RowReport> report) {

    /** A problem with a stable code. */
    public record Problem(String code, String message) {}

    /** One row: {@code line} is its record number in the file (the header is 1). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowReport(
            long line, String participant, String code, List<ActionReport> actions, List<Problem> problems) {}

    /**
     * One action of a row: {@code SIGNATURE} (letter {@code d} for a succession to a signature) or
     * {@code INSTRUMENT} (with its type and letter), and its
     * outcome: {@code WOULD_RECORD} (dry run), {@code RECORDED}, {@code ALREADY_RECORDED} (skipped,
     * with the id of the record that holds it) or {@code NOT_RECORDED}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionReport(
            String action, LocalDate date, String type, String letter, String outcome, String recordId) {}
}
