package org.ratification.ledger.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.ratification.ledger.api.log.LogService;
import org.ratification.ledger.api.log.LoggedNotification;
import org.ratification.ledger.core.rules.Rejection;
import org.ratification.ledger.projections.EventJson;
import org.ratification.ledger.projections.changes.ChangeQueries;
import org.ratification.ledger.projections.changes.ChangesView;
import org.ratification.ledger.projections.history.HistoryFilter;
import org.ratification.ledger.projections.history.HistoryPage;
import org.ratification.ledger.projections.history.HistoryQueries;
import org.ratification.ledger.projections.history.HistoryRecord;
import org.ratification.ledger.projections.notifications.NotificationQueries;
import org.ratification.ledger.projections.timetravel.TimeTravel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** For auditors: a treaty's audit history and its export, its depositary notifications, and what changed. */
@RestController
@RequestMapping("/api/treaties/{treatyId}")
@Tag(name = "Audit", description = "History, notifications, changes between dates, exports")
class AuditController {

    static final String NDJSON = "application/x-ndjson";

    private static final String HISTORY_EXAMPLE =
            """
            {"records":[{"recordId":"6f1c…","treatyId":"cybercrime","type":"INSTRUMENT",
              "eventType":"InstrumentDepositedEvent","revision":"1","participant":"FRA",
              "legalDate":"2026-01-10","recordedAt":"2026-01-12T09:30:00.123456Z","recordedBy":"depositary",
              "sequence":7,"globalPosition":412,"correctsRecordId":null,"correctedBy":["a81d…"],
              "refersTo":null,"reason":null,
              "payload":{"treatyId":"cybercrime","recordId":"6f1c…","participant":"FRA","type":"RATIFICATION",
                "depositedOn":"2026-01-10","declarations":[],"reservations":[]},
              "metadata":{"recordedAt":"2026-01-12T09:30:00.123456Z","recordedBy":"depositary"}}],
             "page":0,"size":50,"total":1}""";

    private final HistoryQueries history;
    private final NotificationQueries notifications;
    private final LogService log;
    private final ChangeQueries changes;
    private final TimeTravel timeTravel;

    AuditController(
            HistoryQueries history,
            NotificationQueries notifications,
            ChangeQueries changes,
            TimeTravel timeTravel,
            LogService log) {
        this.history = history;
        this.notifications = notifications;
        this.log = log;
        this.changes = changes;
        this.timeTravel = timeTravel;
    }

    @GetMapping(value = "/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A treaty's audit history, one record per event, paged",
            description = "Every record in chain order: its kind, participant, legal date, when and by whom it was"
                    + " recorded, its chain position (sequence) and global position, the links between a"
                    + " correction or retraction and the record it corrects, the reason, and the full payload and"
                    + " metadata. Send 'Accept: application/x-ndjson' for the full history as JSON Lines.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(examples = @ExampleObject(name = "page", value = HISTORY_EXAMPLE))))
    HistoryPage history(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId,
            @Parameter(description = "Page number, from 0", example = "0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Records per page, at most 500", example = "50") @RequestParam(defaultValue = "50")
                    int size,
            @Parameter(description = "Only the records of this participant", example = "FRA")
                    @RequestParam(required = false)
                    String participant,
            @Parameter(description = "Only records recorded at or after this instant", example = "2026-01-01T00:00:00Z")
                    @RequestParam(required = false)
                    String recordedFrom,
            @Parameter(
                            description = "Only records recorded at or before this instant",
                            example = "2026-12-31T23:59:59Z")
                    @RequestParam(required = false)
                    String recordedTo) {
        requireTreaty(treatyId);
        if (page < 0 || size < 1 || size > HistoryQueries.MAX_PAGE_SIZE) {
            throw Rejection.invalid(
                            "INVALID_PAGE",
                            "'page' must be 0 or more and 'size' between 1 and " + HistoryQueries.MAX_PAGE_SIZE + ".")
                    .exception();
        }
        Instant from = Instants.parse(recordedFrom, "recordedFrom");
        Instant to = Instants.parse(recordedTo, "recordedTo");
        if (from != null && to != null && from.isAfter(to)) {
            throw Rejection.invalid("INVALID_INTERVAL", "'recordedFrom' is after 'recordedTo'.")
                    .exception();
        }
        String code =
                participant == null || participant.isBlank() ? null : Require.participant(participant, "participant");
        return history.page(treatyId, new HistoryFilter(code, from, to), page, size);
    }

    @GetMapping(value = "/history/{sequence}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "One record of a treaty's audit history, by its position in the treaty's chain",
            description = "The record as the history shows it, with the corrections and retractions of it. A write"
                    + " answers this address in its Location header.")
    HistoryRecord record(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId,
            @Parameter(description = "The record's position in the treaty's chain, from 0", example = "7") @PathVariable
                    long sequence) {
        requireTreaty(treatyId);
        return history.record(treatyId, sequence).orElseThrow(() -> Rejection.notFound(
                        "RECORD_NOT_FOUND", "Treaty '" + treatyId + "' has no record at sequence " + sequence + ".")
                .exception());
    }

    @GetMapping(value = "/history", produces = NDJSON)
    @Operation(
            summary = "Export a treaty's full history as JSON Lines",
            description = "One self-contained JSON record per line, in chain order, with the event payload and all"
                    + " its metadata: enough to recompute the status without the service.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content =
                                    @Content(
                                            mediaType = NDJSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "line",
                                                            value = "{\"recordId\":\"6f1c…\",\"type\":\"SIGNATURE\","
                                                                    + "\"eventType\":\"ConventionSignedEvent\","
                                                                    + "\"revision\":\"1\",\"sequence\":1,"
                                                                    + "\"globalPosition\":12,\"payload\":{…},"
                                                                    + "\"metadata\":{…}}"))))
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId) {
        requireTreaty(treatyId);
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                history.export(treatyId, record -> {
                    try {
                        writer.write(ExportLines.exact(EventJson.mapper().writeValueAsString(record)));
                        writer.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                writer.flush();
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(NDJSON))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + treatyId.toLowerCase(Locale.ROOT) + "-history.ndjson\"")
                .body(body);
    }

    @GetMapping("/notifications")
    @Operation(
            summary = "A treaty's depositary notifications (C.N.s), the newest last",
            description = "One notification per action, with its reference C.N.<n>.<year>.TREATIES-<reference>,"
                    + " a subject line and the English text naming the treaty, the action, the participant, the"
                    + " date and, for instruments, when the treaty enters into force for the participant.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "ratification",
                                                            value =
                                                                    """
                                [{"reference":"C.N.196.2026.TREATIES-XVIII.16","number":196,"year":2026,
                                  "treatyId":"cybercrime","recordId":"6f1c…","action":"INSTRUMENT",
                                  "participant":"FRA","participantName":"France","legalDate":"2026-01-10",
                                  "recordedAt":"2026-01-12T09:30:00Z","refersTo":null,"refersToReference":null,
                                  "entryIntoForceOn":null,"subject":"FRANCE: RATIFICATION",
                                  "text":"The Secretary-General of the United Nations, acting in the capacity of\
                                 depositary, communicates the following: On 10 January 2026, France deposited its\
                                 instrument of ratification of the … Convention …"}]"""))))
    List<LoggedNotification> notifications(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId) {
        requireTreaty(treatyId);
        // issue 17: each notification carries its record's leaf and the first checkpoint covering it
        return LoggedNotification.of(notifications.notifications(treatyId), log);
    }

    @GetMapping("/changes")
    @Operation(
            summary = "What changed in a treaty's legal status between two dates",
            description = "Compares the status at the end of 'from' with the status at the end of 'to': who signed,"
                    + " deposited, became a party, denounced or withdrew, whether the threshold was reached or the"
                    + " treaty entered into force, and the actions dated in (from, to]. With 'recordedAt', as the"
                    + " ledger stated it at that instant.")
    ChangesView changes(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId,
            @Parameter(description = "Start of the interval (excluded), YYYY-MM-DD", example = "2026-01-01")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "End of the interval (included), YYYY-MM-DD", example = "2026-12-31")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @Parameter(description = "As recorded at this instant (time travel)", example = "2026-06-30T00:00:00Z")
                    @RequestParam(required = false)
                    String recordedAt) {
        if (from.isAfter(to)) {
            throw Rejection.invalid("INVALID_INTERVAL", "'from' is after 'to'.").exception();
        }
        return changes.changes(treatyId, from, to, Instants.parse(recordedAt, "recordedAt"))
                .orElseThrow(() -> TreatyController.notFound(treatyId).exception());
    }

    private void requireTreaty(String treatyId) {
        if (!timeTravel.exists(treatyId)) {
            throw TreatyController.notFound(treatyId).exception();
        }
    }
}
