package org.ratification.ledger.api.web;

import static org.ratification.ledger.api.web.Require.present;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.ratification.ledger.api.write.LedgerWriter;
import org.ratification.ledger.core.api.AdoptAmendmentCommand;
import org.ratification.ledger.core.api.DepositAmendmentInstrumentCommand;
import org.ratification.ledger.core.api.RecordType;
import org.ratification.ledger.core.api.ReservationView;
import org.ratification.ledger.projections.status.StatusQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The rest of a treaty's life: amendments and the instruments for them, reservations and objections. */
@RestController
@RequestMapping("/api/treaties/{treatyId}")
class LifeCycleController {

    static final String AMENDMENT =
            "{\"amendmentId\":\"A1\",\"adoptedOn\":\"2031-06-01\",\"method\":\"CONSENSUS\",\"text\":\"...\"}";
    static final String AMENDMENT_INSTRUMENT =
            "{\"participant\":\"FRA\",\"type\":\"ACCEPTANCE\",\"depositedOn\":\"2031-07-01\"}";

    private final LedgerWriter writer;
    private final StatusQueries status;
    private final Clock clock;

    LifeCycleController(LedgerWriter writer, StatusQueries status, Clock clock) {
        this.writer = writer;
        this.status = status;
        this.clock = clock;
    }

    @PostMapping("/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record the adoption of an amendment",
            description = "Only where the treaty's definition has an amendment clause, and not before the years it"
                    + " names after entry into force (422 AMENDMENT_TOO_EARLY, AMENDMENTS_NOT_PROVIDED).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = {@ExampleObject(name = "amendment", value = AMENDMENT)}))
    ResponseEntity<Recorded> adoptAmendment(
            @PathVariable String treatyId, @RequestBody Requests.AmendmentRequest body) {
        present(body, "body");
        String amendmentId = Require.recordId(body.amendmentId(), "amendmentId");
        var adoptedOn = present(body.adoptedOn(), "adoptedOn");
        var method = present(body.method(), "method");
        String text = Require.text(present(body.text(), "text"), "text", Require.MAX_TEXT);
        return Recorded.created(
                treatyId,
                RecordType.AMENDMENT,
                writer.record(id -> new AdoptAmendmentCommand(treatyId, id, amendmentId, adoptedOn, method, text)));
    }

    @PostMapping("/amendments/{amendmentId}/instruments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a Party's instrument of ratification, acceptance or approval of an amendment",
            description = "The amendment enters into force for that Party the days after its instrument that the"
                    + " amendment clause names (422 NOT_A_PARTY, UNKNOWN_AMENDMENT; 409 ALREADY_DEPOSITED).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = {@ExampleObject(name = "acceptance", value = AMENDMENT_INSTRUMENT)}))
    ResponseEntity<Recorded> depositForAmendment(
            @PathVariable String treatyId,
            @PathVariable String amendmentId,
            @RequestBody Requests.AmendmentInstrumentRequest body) {
        present(body, "body");
        String participant = Require.participant(body.participant(), "participant");
        var type = present(body.type(), "type");
        var depositedOn = present(body.depositedOn(), "depositedOn");
        String amendment = Require.recordId(amendmentId, "amendmentId");
        return Recorded.created(
                treatyId,
                RecordType.AMENDMENT_INSTRUMENT,
                writer.record(id -> new DepositAmendmentInstrumentCommand(
                        treatyId, id, amendment, participant, type, depositedOn)));
    }

    @GetMapping("/reservations")
    @Operation(
            summary = "List reservations with the objections to each",
            description = "Objections made more than twelve months after the reservation's notification are"
                    + " listed with timely=false (recorded, not refused).")
    List<ReservationView> reservations(
            @PathVariable String treatyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return status.reservations(treatyId, asOf != null ? asOf : LocalDate.now(clock))
                .orElseThrow(() -> TreatyController.notFound(treatyId).exception());
    }
}
