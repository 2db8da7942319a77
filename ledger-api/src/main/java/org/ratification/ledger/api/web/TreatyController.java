package org.ratification.ledger.api.web;

import static org.ratification.ledger.api.web.Require.present;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ratification.ledger.api.imports.UntcLayout;
import org.ratification.ledger.api.write.LedgerWriter;
import org.ratification.ledger.core.api.AmendmentClause;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.ParticipantStatus;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.api.RecordType;
import org.ratification.ledger.core.api.RegisterTreatyCommand;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.SuccessionClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyStatusView;
import org.ratification.ledger.core.api.WeightedCondition;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Rejection;
import org.ratification.ledger.core.rules.StatusCalculator;
import org.ratification.ledger.projections.status.StatusQueries;
import org.ratification.ledger.projections.timetravel.TimeTravel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Treaties: registration, the status line and the participants table, on any legal date. */
@RestController
@RequestMapping("/api/treaties")
@Tag(name = "Treaties", description = "Registration, status line and participants table, on both time axes")
class TreatyController {

    static final String TEXT_CSV = "text/csv";

    private final LedgerWriter writer;
    private final StatusQueries status;
    private final Clock clock;
    private final StatusLineJson lines;
    private final TimeTravel timeTravel;
    private final ParticipantsJson renderings;

    TreatyController(
            LedgerWriter writer,
            StatusQueries status,
            Clock clock,
            StatusLineJson lines,
            TimeTravel timeTravel,
            ParticipantsJson renderings) {
        this.writer = writer;
        this.status = status;
        this.clock = clock;
        this.lines = lines;
        this.timeTravel = timeTravel;
        this.renderings = renderings;
    }

    @PostMapping
    @Operation(
            summary = "Register a treaty with its final clauses",
            description = "The clauses are data: signature period, instruments required for entry into force,"
                    + " days after the threshold instrument and after a later instrument, whether instruments of"
                    + " regional economic integration organizations count, and the denunciation delay. Optional"
                    + " titles beside 'title': 'shortTitle' (the public pages' heading, at most 255 characters),"
                    + " 'titleFr' (at most 1,000) and 'shortTitleFr' (at most 255, only with 'titleFr'), which the"
                    + " French pages and French notification texts use instead of the English ones.",
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "recorded", value = ApiExamples.RECORDED))))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "treaty", value = ApiExamples.TREATY)))
    ResponseEntity<Recorded> register(@RequestBody Requests.Treaty body) {
        TreatyDefinition definition = definition(present(body, "body"));
        return Recorded.created(
                definition.id(),
                RecordType.TREATY_REGISTERED,
                writer.record(id -> new RegisterTreatyCommand(definition.id(), id, definition)));
    }

    @GetMapping
    @Operation(
            summary = "List the registered treaties with their status line",
            description = "Each treaty's status on a legal date (today if 'asOf' is not given).")
    List<TreatyStatusView> treaties(
            @Parameter(description = "Legal date, YYYY-MM-DD (default today)", example = "2026-12-31")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        return status.lines(day(asOf));
    }

    @GetMapping("/{treatyId}")
    @Operation(
            summary = "A treaty's status line on a legal date, as recorded now or at an instant",
            description = "Counts of signatories, contracting States and parties, instruments counted toward the"
                    + " threshold, the threshold date and participant, the entry-into-force date and an"
                    + " explanation of how it was reached. 'asOf' moves along the legal axis, 'recordedAt' along"
                    + " the recording axis (what the ledger said at that instant).",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(examples = @ExampleObject(name = "status", value = ApiExamples.STATUS))))
    TreatyStatusView treaty(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId,
            @Parameter(description = "Legal date, YYYY-MM-DD (default today)", example = "2026-12-31")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = ApiExamples.RECORDED_AT, example = "2026-06-30T12:00:00Z")
                    @RequestParam(required = false)
                    String recordedAt) {
        if (recordedAt != null) {
            return statusOf(treatyId, asOf, recordedAt).treaty();
        }
        // with the current head of the treaty's chain: a published status pins the state of the record
        return lines.render(status.line(treatyId, day(asOf))
                .orElseThrow(() -> notFound(treatyId).exception()));
    }

    @GetMapping(value = "/{treatyId}/participants", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A treaty's participants table on a legal date",
            description = "One row per participant: signature, instrument with its UNTC letter, the participant's"
                    + " own entry into force, its status, denunciation, declarations and reservations. Send"
                    + " 'Accept: text/csv' for the same table as CSV.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "participants",
                                                            value = ApiExamples.PARTICIPANTS))))
    List<ParticipantView> participants(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId,
            @Parameter(description = "Legal date, YYYY-MM-DD (default today)", example = "2026-12-31")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = "Only participants with this status", example = "PARTY")
                    @RequestParam(required = false)
                    ParticipantStatus status,
            @Parameter(description = ApiExamples.RECORDED_AT, example = "2026-06-30T12:00:00Z")
                    @RequestParam(required = false)
                    String recordedAt) {
        StatusCalculator.Status table = statusOf(treatyId, asOf, recordedAt);
        // a status read at an instant is computed for this request only: nothing to keep
        return recordedAt == null ? renderings.render(table, status) : ParticipantsJson.rows(table, status);
    }

    @GetMapping(value = "/{treatyId}/participants", produces = TEXT_CSV)
    @Operation(
            summary = "Export a treaty's participants table as CSV",
            description = "Columns participant,name,signature,instrument,type,entryIntoForce,status,"
                    + "denunciationReceived,denunciationEffective,declarations,reservations,irregularities; the"
                    + " instrument column prints the date followed by the UNTC letter (\"2026-01-10 a\"), the"
                    + " signature column a succession to a signature with 'd'; irregularities as \"CODE: note\"."
                    + " RFC 4180 quoting.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content =
                                    @Content(
                                            mediaType = TEXT_CSV,
                                            examples = @ExampleObject(name = "csv", value = ApiExamples.CSV))))
    ResponseEntity<String> participantsCsv(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId,
            @Parameter(description = "Legal date, YYYY-MM-DD (default today)", example = "2026-12-31")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = "Only participants with this status", example = "PARTY")
                    @RequestParam(required = false)
                    ParticipantStatus status,
            @Parameter(description = ApiExamples.RECORDED_AT, example = "2026-06-30T12:00:00Z")
                    @RequestParam(required = false)
                    String recordedAt,
            @Parameter(
                            description = "'untc': the layout of the UN Treaty Collection (Participant,Signature,"
                                    + "\"Ratification, …\"; UN short names, '12 Dec 2000 a'), the layout imports read",
                            example = "untc")
                    @RequestParam(required = false)
                    String layout) {
        if (layout != null && !UntcLayout.NAME.equals(layout)) {
            throw Rejection.invalid("INVALID_PARAMETER", "The parameter 'layout' takes 'untc' or nothing.")
                    .exception();
        }
        var rows = ParticipantsJson.rows(statusOf(treatyId, asOf, recordedAt), status);
        String csv = layout != null ? UntcLayout.write(rows) : ParticipantsCsv.write(rows);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"participants.csv\"")
                .body(csv);
    }

    @GetMapping("/{treatyId}/participants/{code}")
    @Operation(
            summary = "One participant's row of the status table on a legal date",
            description = "As in the participants table; 404 NO_ACTION_RECORDED if the participant has no"
                    + " signature or instrument recorded.")
    ParticipantView participant(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId,
            @Parameter(description = "ISO 3166-1 alpha-3 code, or EU", example = "FRA") @PathVariable String code,
            @Parameter(description = "Legal date, YYYY-MM-DD (default today)", example = "2026-12-31")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = ApiExamples.RECORDED_AT, example = "2026-06-30T12:00:00Z")
                    @RequestParam(required = false)
                    String recordedAt) {
        String participant = Require.participant(code, "code");
        return statusOf(treatyId, asOf, recordedAt)
                .participant(participant)
                .orElseThrow(() -> (ParticipantRegistry.standard().isKnown(participant)
                                ? Rejection.notFound(
                                        "NO_ACTION_RECORDED",
                                        ParticipantRegistry.standard().nameOf(participant)
                                                + " has no signature or instrument recorded under treaty '" + treatyId
                                                + "'.")
                                : Rejection.notFound(
                                        "UNKNOWN_PARTICIPANT",
                                        "No State or organization with code '" + participant
                                                + "' is known to the ledger."))
                        .exception());
    }

    /** From the status read model, or with 'recordedAt' from the event store as recorded at that instant. */
    private StatusCalculator.Status statusOf(String treatyId, LocalDate asOf, String recordedAt) {
        Instant instant = QueryDates.instant(recordedAt, "recordedAt");
        if (instant != null) {
            return timeTravel.status(treatyId, instant, day(asOf)).orElseThrow(() -> Rejection.notFound(
                            "TREATY_NOT_FOUND", "No treaty '" + treatyId + "' was registered at " + instant + ".")
                    .exception());
        }
        return status.status(treatyId, day(asOf))
                .orElseThrow(() -> notFound(treatyId).exception());
    }

    static Rejection notFound(String treatyId) {
        return Rejection.notFound("TREATY_NOT_FOUND", "No treaty '" + treatyId + "' is registered.");
    }

    private LocalDate day(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    private static TreatyDefinition definition(Requests.Treaty t) {
        var signature = present(t.signature(), "signature");
        var eif = present(t.entryIntoForce(), "entryIntoForce");
        var denunciation = present(t.denunciation(), "denunciation");
        return new TreatyDefinition(
                present(t.id(), "id"),
                Require.text(present(t.reference(), "reference"), "reference", Require.MAX_SHORT_TEXT),
                Require.text(present(t.title(), "title"), "title", Require.MAX_TITLE),
                present(t.adoptedOn(), "adoptedOn"),
                new SignatureClause(
                        present(signature.opensOn(), "signature.opensOn"),
                        signature.closesAtEntryIntoForce() == null
                                ? present(signature.closesOn(), "signature.closesOn")
                                : signature.closesOn(),
                        signature.closesAtEntryIntoForce()),
                new EntryIntoForceClause(
                        present(eif.instrumentsRequired(), "entryIntoForce.instrumentsRequired"),
                        present(eif.daysAfterThreshold(), "entryIntoForce.daysAfterThreshold"),
                        present(eif.daysAfterLaterInstrument(), "entryIntoForce.daysAfterLaterInstrument"),
                        present(eif.reioInstrumentsCount(), "entryIntoForce.reioInstrumentsCount"),
                        eif.monthsAfterThreshold(),
                        eif.monthsAfterLaterInstrument(),
                        eif.rounding(),
                        eif.notBefore(),
                        eif.laterInstrumentsFrom(),
                        eif.requiredParticipants() == null ? null : List.copyOf(eif.requiredParticipants()),
                        eif.weighted() == null
                                ? null
                                : new WeightedCondition(
                                        present(eif.weighted().weights(), "entryIntoForce.weighted.weights"),
                                        eif.weighted().total(),
                                        present(eif.weighted().percent(), "entryIntoForce.weighted.percent"),
                                        eif.weighted().description()),
                        eif.countedInstruments()),
                new DenunciationClause(
                        present(denunciation.takesEffectAfterMonths(), "denunciation.takesEffectAfterMonths"),
                        Boolean.TRUE.equals(denunciation.followsParent()),
                        denunciation.takesEffectAfterDays(),
                        denunciation.notBeforeYearsInForce()),
                t.parentTreatyId(),
                t.amendments() == null
                        ? null
                        : new AmendmentClause(
                                present(t.amendments().proposalAfterYears(), "amendments.proposalAfterYears"),
                                present(t.amendments().daysAfterInstrument(), "amendments.daysAfterInstrument")),
                t.succession() == null
                        ? null
                        : new SuccessionClause(
                                present(t.succession().fromDateOfSuccession(), "succession.fromDateOfSuccession")),
                t.shortTitle() == null ? null : Require.text(t.shortTitle(), "shortTitle", Require.MAX_SHORT_TEXT),
                t.titleFr() == null
                        ? null
                        : Require.text(present(t.titleFr(), "titleFr"), "titleFr", Require.MAX_TITLE),
                frenchShortTitle(t));
    }

    /** A French short title only with a French title, so a French page never heads an English title. */
    private static String frenchShortTitle(Requests.Treaty t) {
        if (t.shortTitleFr() == null) {
            return null;
        }
        if (t.titleFr() == null) {
            throw Rejection.invalid("MISSING_FIELD", "The field 'titleFr' is required with 'shortTitleFr'.")
                    .exception();
        }
        return Require.text(present(t.shortTitleFr(), "shortTitleFr"), "shortTitleFr", Require.MAX_SHORT_TEXT);
    }
}
