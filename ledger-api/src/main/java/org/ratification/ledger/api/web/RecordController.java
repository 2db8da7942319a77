package org.ratification.ledger.api.web;

import static org.ratification.ledger.api.web.Require.present;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratification.ledger.api.write.LedgerWriter;
import org.ratification.ledger.api.write.Recording;
import org.ratification.ledger.core.api.CorrectRecordCommand;
import org.ratification.ledger.core.api.DepositInstrumentCommand;
import org.ratification.ledger.core.api.NotifyDenunciationCommand;
import org.ratification.ledger.core.api.RecordCommunicationCommand;
import org.ratification.ledger.core.api.RecordCorrection;
import org.ratification.ledger.core.api.RecordType;
import org.ratification.ledger.core.api.RetractRecordCommand;
import org.ratification.ledger.core.api.SignConventionCommand;
import org.ratification.ledger.core.rules.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The depositary's writes: each records one action and answers where it stands (see {@link Recorded}). */
@RestController
@RequestMapping("/api/treaties/{treatyId}")
@Tag(name = "Records", description = "The depositary's writes: each records one action and answers its record id")
class RecordController {

    private final LedgerWriter writer;

    RecordController(LedgerWriter writer) {
        this.writer = writer;
    }

    @PostMapping("/signatures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a signature",
            description =
                    "The legal date is the date of signature; it must lie in the signature period and not after today."
                            + " A succession to a signature names its 'predecessor' (no period applies); an"
                            + " 'irregularity' {code, note} records one refusal deliberately (docs/CLAUSES.md).",
            parameters = @Parameter(name = "treatyId", in = ParameterIn.PATH, example = "cybercrime"),
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "recorded", value = ApiExamples.RECORDED))))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = {@ExampleObject(name = "signature", value = ApiExamples.SIGNATURE)}))
    ResponseEntity<Recorded> sign(@PathVariable String treatyId, @RequestBody Requests.SignatureRequest body) {
        present(body, "body");
        String participant = Require.participant(body.participant(), "participant");
        var signedOn = present(body.signedOn(), "signedOn");
        String place = Require.text(body.place(), "place", Require.MAX_SHORT_TEXT);
        String predecessor = Require.text(body.predecessor(), "predecessor", Require.MAX_SHORT_TEXT);
        var irregularity = Require.irregularity(body.irregularity());
        return recorded(
                treatyId,
                RecordType.SIGNATURE,
                writer.record(id -> new SignConventionCommand(
                        treatyId, id, participant, signedOn, place, predecessor, irregularity)));
    }

    @PostMapping("/instruments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record the deposit of an instrument of ratification, acceptance, approval or accession",
            description =
                    "With the declarations and reservations made upon deposit. A signatory ratifies, accepts or approves;"
                            + " a participant that did not sign accedes. An 'irregularity' {code, note} records one"
                            + " refusal deliberately, e.g. SIGNATORY_MUST_RATIFY (docs/CLAUSES.md).",
            parameters = @Parameter(name = "treatyId", in = ParameterIn.PATH, example = "cybercrime"),
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "recorded", value = ApiExamples.RECORDED))))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            examples = {
                                @ExampleObject(name = "ratification", value = ApiExamples.INSTRUMENT),
                                @ExampleObject(name = "accession", value = ApiExamples.ACCESSION)
                            }))
    ResponseEntity<Recorded> deposit(@PathVariable String treatyId, @RequestBody Requests.InstrumentRequest body) {
        present(body, "body");
        String participant = Require.participant(body.participant(), "participant");
        var type = present(body.type(), "type");
        var depositedOn = present(body.depositedOn(), "depositedOn");
        var declarations = Require.texts(body.declarations(), "declarations");
        var reservations = Require.texts(body.reservations(), "reservations");
        String predecessor = Require.text(body.predecessor(), "predecessor", Require.MAX_SHORT_TEXT);
        var irregularity = Require.irregularity(body.irregularity());
        return recorded(
                treatyId,
                RecordType.INSTRUMENT,
                writer.record(id -> new DepositInstrumentCommand(
                        treatyId,
                        id,
                        participant,
                        type,
                        depositedOn,
                        declarations,
                        reservations,
                        predecessor,
                        body.boundFrom(),
                        irregularity)));
    }

    @PostMapping("/denunciations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record receipt of a notification of denunciation",
            description =
                    "The denunciation takes effect after the treaty's denunciation delay; only a Party may denounce.",
            parameters = @Parameter(name = "treatyId", in = ParameterIn.PATH, example = "cybercrime"),
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "recorded", value = ApiExamples.RECORDED))))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = {@ExampleObject(name = "denunciation", value = ApiExamples.DENUNCIATION)}))
    ResponseEntity<Recorded> denounce(@PathVariable String treatyId, @RequestBody Requests.DenunciationRequest body) {
        present(body, "body");
        String participant = Require.participant(body.participant(), "participant");
        var receivedOn = present(body.receivedOn(), "receivedOn");
        return recorded(
                treatyId,
                RecordType.DENUNCIATION,
                writer.record(id -> new NotifyDenunciationCommand(treatyId, id, participant, receivedOn)));
    }

    @PostMapping("/communications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a declaration, reservation, objection, withdrawal or notification",
            description =
                    "An objection refers (refersTo) to another participant's reservation; a withdrawal to the participant's"
                            + " own reservation or declaration.",
            parameters = @Parameter(name = "treatyId", in = ParameterIn.PATH, example = "cybercrime"),
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "recorded", value = ApiExamples.RECORDED))))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            examples = {
                                @ExampleObject(name = "reservation", value = ApiExamples.RESERVATION),
                                @ExampleObject(name = "objection", value = ApiExamples.OBJECTION),
                                @ExampleObject(name = "withdrawal", value = ApiExamples.WITHDRAWAL)
                            }))
    ResponseEntity<Recorded> communicate(
            @PathVariable String treatyId, @RequestBody Requests.CommunicationRequest body) {
        present(body, "body");
        String participant = Require.participant(body.participant(), "participant");
        var kind = present(body.kind(), "kind");
        var receivedOn = present(body.receivedOn(), "receivedOn");
        String text = Require.text(present(body.text(), "text"), "text", Require.MAX_TEXT);
        String refersTo = body.refersTo() == null ? null : Require.recordId(body.refersTo(), "refersTo");
        var territories = Require.texts(body.territories(), "territories", Require.MAX_SHORT_TEXT);
        return recorded(
                treatyId,
                RecordType.COMMUNICATION,
                writer.record(id -> new RecordCommunicationCommand(
                        treatyId, id, participant, kind, receivedOn, text, refersTo, territories)));
    }

    @PostMapping("/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Correct or retract an earlier record, saying why",
            description =
                    "A correction restates the participant, the date or the instrument type of the record it names; a"
                            + " retraction withdraws a record made in error. The earlier record stays in the history.",
            parameters = @Parameter(name = "treatyId", in = ParameterIn.PATH, example = "cybercrime"),
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "recorded", value = ApiExamples.RECORDED))))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            examples = {
                                @ExampleObject(name = "correction", value = ApiExamples.CORRECTION),
                                @ExampleObject(name = "retraction", value = ApiExamples.RETRACTION)
                            }))
    ResponseEntity<Recorded> correct(@PathVariable String treatyId, @RequestBody Requests.CorrectionRequest body) {
        present(body, "body");
        String target = Require.recordId(body.recordId(), "recordId");
        String reason = Require.text(present(body.reason(), "reason"), "reason", Require.MAX_TEXT);
        boolean retract = Boolean.TRUE.equals(body.retract());
        if (retract == (body.correction() != null)) {
            throw Rejection.invalid(
                            "CORRECTION_OR_RETRACTION",
                            "Give either a 'correction' object or \"retract\": true, not both and not neither.")
                    .exception();
        }
        if (retract) {
            return recorded(
                    treatyId,
                    RecordType.RETRACTION,
                    writer.record(id -> new RetractRecordCommand(treatyId, id, target, reason)));
        }
        RecordCorrection correction = correction(body.correction());
        return recorded(
                treatyId,
                RecordType.CORRECTION,
                writer.record(id -> new CorrectRecordCommand(treatyId, id, target, reason, correction)));
    }

    private static RecordCorrection correction(Requests.CorrectionRequest.Correction c) {
        var dates = java.util.stream.Stream.of(c.date(), c.signedOn(), c.depositedOn(), c.receivedOn())
                .filter(java.util.Objects::nonNull)
                .toList();
        if (dates.size() > 1) {
            throw Rejection.invalid("AMBIGUOUS_CORRECTION", "Give one corrected date.")
                    .exception();
        }
        String participant = c.participant() == null ? null : Require.participant(c.participant(), "participant");
        return new RecordCorrection(participant, dates.isEmpty() ? null : dates.get(0), c.type());
    }

    private static ResponseEntity<Recorded> recorded(String treatyId, RecordType type, Recording recording) {
        return Recorded.created(treatyId, type, recording);
    }
}
