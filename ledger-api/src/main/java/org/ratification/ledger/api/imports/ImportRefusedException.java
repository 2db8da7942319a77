package org.ratification.ledger.api.imports;

import org.springframework.http.HttpStatus;

/** An import refused after the file was read: answered as problem+json carrying the report. */
public class ImportRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final ImportReport report;

    public ImportRefusedException(HttpStatus status, String code, String message, ImportReport report) {
        super(message);
        this.status = status;
        this.code = code;
        this.report = report;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ImportReport report() {
        return report;
    }
}
