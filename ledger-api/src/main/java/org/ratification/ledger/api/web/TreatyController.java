package org.ratification.ledger.api.web;

import static org.ratification.ledger.api.web.Require.present;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.ratification.ledger.api.write.LedgerWriter;
import org.ratification.ledger.core.api.AmendmentClause;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.ParticipantStatus;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.api.RegisterTreatyCommand;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.SuccessionClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyStatusView;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Rejection;
import org.ratification.ledger.core.rules.StatusCalculator;
import org.ratification.ledger.projections.status.ChainHeads;
import org.ratification.ledger.projections.status.StatusQueries;
import org.springframework.format.annotation.DateTimeFormat;
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
class TreatyController {

    private final LedgerWriter writer;
    private final StatusQueries status;
    private final Clock clock;
    private final ChainHeads heads;

    TreatyController(LedgerWriter writer, StatusQueries status, Clock clock, ChainHeads heads) {
        this.writer = writer;
        this.status = status;
        this.clock = clock;
        this.heads = heads;
    }

    @PostMapping
    ResponseEntity<Recorded> register(@RequestBody Requests.Treaty body) {
        TreatyDefinition definition = definition(present(body, "body"));
        String recordId = writer.record(id -> new RegisterTreatyCommand(definition.id(), id, definition));
        return ResponseEntity.created(URI.create("/api/treaties/" + definition.id()))
                .body(new Recorded(recordId, definition.id(), "TREATY_REGISTERED"));
    }

    @GetMapping
    List<TreatyStatusView> treaties(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return status.treaties(day(asOf)).stream().map(this::withHead).toList();
    }

    @GetMapping("/{treatyId}")
    TreatyStatusView treaty(
            @PathVariable String treatyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return withHead(statusOf(treatyId, asOf).treaty());
    }

    private TreatyStatusView withHead(TreatyStatusView view) {
        return view.withHeadHash(heads.headHash(view.id()).orElse(null));
    }

    @GetMapping("/{treatyId}/participants")
    List<ParticipantView> participants(
            @PathVariable String treatyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) ParticipantStatus status) {
        return statusOf(treatyId, asOf).participants().stream()
                .filter(p -> status == null || p.status() == status)
                .toList();
    }

    @GetMapping("/{treatyId}/participants/{code}")
    ParticipantView participant(
            @PathVariable String treatyId,
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        String participant = Require.participant(code, "code");
        return statusOf(treatyId, asOf).participant(participant).orElseThrow(() -> (ParticipantRegistry.standard()
                                .isKnown(participant)
                        ? Rejection.notFound(
                                "NO_ACTION_RECORDED",
                                ParticipantRegistry.standard().nameOf(participant)
                                        + " has no signature or instrument recorded under treaty '" + treatyId + "'.")
                        : Rejection.notFound(
                                "UNKNOWN_PARTICIPANT",
                                "No State or organization with code '" + participant + "' is known to the ledger."))
                .exception());
    }

    private StatusCalculator.Status statusOf(String treatyId, LocalDate asOf) {
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
                        present(signature.closesOn(), "signature.closesOn")),
                new EntryIntoForceClause(
                        present(eif.instrumentsRequired(), "entryIntoForce.instrumentsRequired"),
                        present(eif.daysAfterThreshold(), "entryIntoForce.daysAfterThreshold"),
                        present(eif.daysAfterLaterInstrument(), "entryIntoForce.daysAfterLaterInstrument"),
                        present(eif.reioInstrumentsCount(), "entryIntoForce.reioInstrumentsCount")),
                new DenunciationClause(
                        present(denunciation.takesEffectAfterMonths(), "denunciation.takesEffectAfterMonths"),
                        Boolean.TRUE.equals(denunciation.followsParent())),
                t.parentTreatyId(),
                t.amendments() == null
                        ? null
                        : new AmendmentClause(
                                present(t.amendments().proposalAfterYears(), "amendments.proposalAfterYears"),
                                present(t.amendments().daysAfterInstrument(), "amendments.daysAfterInstrument")),
                t.succession() == null
                        ? null
                        : new SuccessionClause(
                                present(t.succession().fromDateOfSuccession(), "succession.fromDateOfSuccession")));
    }
}
