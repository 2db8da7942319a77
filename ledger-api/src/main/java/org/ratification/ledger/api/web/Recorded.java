package org.ratification.ledger.api.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import org.ratification.ledger.api.write.Recording;
import org.ratification.ledger.core.api.RecordType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The answer to every write, with status 201 and a {@code Location} header naming the record in the
 * treaty's history ({@code GET /api/treaties/{treatyId}/history/{sequence}}, which answers it as the
 * history shows it).
 *
 * @param recordId the id auditors use to refer to the record
 * @param treatyId the treaty whose chain holds the record
 * @param action what the record states, by the name every surface gives it
 * @param sequence the record's position in its treaty's chain, from 0
 * @param recordedAt when the ledger recorded it, exactly as the history and the export show it
 */
public record Recorded(
        @Schema(example = "6f1c2a4e-0b7d-4a59-9d8e-2f0c5b7a1e33") String recordId,
        @Schema(example = "cybercrime") String treatyId,
        RecordType action,
        @Schema(example = "7") long sequence,
        @Schema(format = "date-time", example = "2026-01-12T09:30:00.123456Z") String recordedAt) {

    /** The 201 answer to a write of {@code type} that {@code recording} describes. */
    static ResponseEntity<Recorded> created(String treatyId, RecordType type, Recording recording) {
        return ResponseEntity.created(location(treatyId, recording.sequence()))
                .body(new Recorded(recording.recordId(), treatyId, type, recording.sequence(), recording.recordedAt()));
    }

    /** Where a record is read: its place in the treaty's history. */
    static URI location(String treatyId, long sequence) {
        return UriComponentsBuilder.fromPath("/api/treaties/{treatyId}/history/{sequence}")
                .buildAndExpand(treatyId, sequence)
                .encode()
                .toUri();
    }
}
