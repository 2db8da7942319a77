package org.ratification.ledger.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.api.ReservationView;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyStatusView;
import org.ratification.ledger.core.participants.Participant;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Rejection;
import org.ratification.ledger.core.rules.StatusCalculator;
import org.ratification.ledger.projections.notifications.NotificationQueries;
import org.ratification.ledger.projections.notifications.NotificationView;
import org.ratification.ledger.projections.status.ChainHeads;
import org.ratification.ledger.projections.status.StatusQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of the public pages, one request per page: a treaty with its participants table,
 * reservations and objections on a legal date; a participant's record under every treaty; the
 * depositary notifications across treaties, filtered, the newest first. Public data only.
 */
@RestController
@Tag(name = "Public pages", description = "One request per page of the public site")
class PageDataController {

    /** At most this many notifications per answer. */
    static final int MAX_NOTIFICATIONS = 500;

    static final Set<String> ACTIONS =
            Set.of("SIGNATURE", "INSTRUMENT", "DENUNCIATION", "COMMUNICATION", "CORRECTION", "RETRACTION");

    private final StatusQueries status;
    private final NotificationQueries notifications;
    private final ChainHeads heads;
    private final Clock clock;

    PageDataController(StatusQueries status, NotificationQueries notifications, ChainHeads heads, Clock clock) {
        this.status = status;
        this.notifications = notifications;
        this.heads = heads;
        this.clock = clock;
    }

    /**
     * The treaty page: status line, titles, signature period, table and reservations on one legal
     * date. {@code shortTitle} and {@code title} are in the page's language: in French the
     * definition's French titles where it has them, else the English ones ({@code treaty.title}
     * stays the English title).
     */
    record TreatyPage(
            TreatyStatusView treaty,
            String shortTitle,
            String title,
            LocalDate opensForSignatureOn,
            LocalDate closesForSignatureOn,
            EntryIntoForceClause entryIntoForce,
            LocalDate today,
            boolean past,
            List<ParticipantView> participants,
            List<ReservationView> reservations,
            int notifications,
            List<CountedInstrument> counted) {}

    /**
     * An instrument counted toward entry into force by the legal date, in the order the treaty's
     * rules count them (as many as {@code treaty.instrumentsCounted}): what the chart draws.
     */
    record CountedInstrument(String participant, LocalDate depositedOn) {}

    /**
     * A card of the front page: the status line with the titles in the page's language, the short
     * one the pages use as heading.
     */
    record TreatyCard(TreatyStatusView treaty, String shortTitle, String title) {}

    /** The State page: who, and its row under each treaty where it has a signature or instrument. */
    record ParticipantPage(String participant, String name, String kind, LocalDate asOf, List<TreatyRow> treaties) {}

    /** One treaty on the State page, its titles in the page's language. */
    record TreatyRow(String id, String reference, String title, String shortTitle, ParticipantView row) {}

    @GetMapping("/api/pages/treaties/{treatyId}")
    @Operation(
            summary = "Everything the treaty page shows, in one answer",
            description = "The status line with the chain head, the short and full titles, the signature period,"
                    + " the participants table, the reservations with their objections and objection periods, and"
                    + " the number of notifications; on the legal date 'asOf' (default today, 'past' when earlier).")
    TreatyPage treaty(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId,
            @Parameter(description = "Legal date, YYYY-MM-DD (default today)", example = "2026-12-31")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = "en or fr (default: Accept-Language, else English)", example = "fr")
                    @RequestParam(required = false)
                    String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        boolean french = Languages.french(Languages.of(lang, acceptLanguage));
        LocalDate today = LocalDate.now(clock);
        LocalDate day = asOf != null ? asOf : today;
        StatusCalculator.Status table = status.status(treatyId, day)
                .orElseThrow(() -> TreatyController.notFound(treatyId).exception());
        TreatyDefinition definition = status.definition(treatyId).orElseThrow();
        TreatyStatusView view =
                table.treaty().withHeadHash(heads.headHash(treatyId).orElse(null));
        return new TreatyPage(
                view,
                shortTitle(definition, view.title(), french),
                title(definition, view.title(), french),
                definition.signature().opensOn(),
                definition.signature().closesOn(),
                definition.entryIntoForce(),
                today,
                day.isBefore(today),
                french
                        ? table.participants().stream()
                                .map(PageDataController::inFrench)
                                .toList()
                        : table.participants(),
                status.reservations(treatyId, day).orElse(List.of()),
                notifications.notifications(treatyId).size(),
                table.counted().stream()
                        .map(i -> new CountedInstrument(i.participant(), i.depositedOn()))
                        .toList());
    }

    @GetMapping("/api/pages/treaties")
    @Operation(
            summary = "The front page's treaty cards, in one answer",
            description = "Each registered treaty's status line today, with its short title (the full title where"
                    + " the definition has none) and its title, in French with 'lang=fr' (or Accept-Language) where"
                    + " the definition has French titles.")
    List<TreatyCard> cards(
            @Parameter(description = "en or fr (default: Accept-Language, else English)", example = "fr")
                    @RequestParam(required = false)
                    String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        boolean french = Languages.french(Languages.of(lang, acceptLanguage));
        return status.treaties(LocalDate.now(clock)).stream()
                .map(view -> {
                    TreatyDefinition definition = status.definition(view.id()).orElse(null);
                    return new TreatyCard(
                            view,
                            shortTitle(definition, view.title(), french),
                            title(definition, view.title(), french));
                })
                .toList();
    }

    @GetMapping("/api/pages/treaties/{treatyId}/participants.csv")
    @Operation(
            summary = "The treaty page's table as a CSV download",
            description = "The same CSV as GET /api/treaties/{id}/participants with 'Accept: text/csv', as an"
                    + " attachment named after the treaty and the legal date, for a plain link.")
    ResponseEntity<String> treatyCsv(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId,
            @Parameter(description = "Legal date, YYYY-MM-DD (default today)", example = "2026-12-31")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        StatusCalculator.Status table = status.status(treatyId, day)
                .orElseThrow(() -> TreatyController.notFound(treatyId).exception());
        String file = (treatyId + "-" + day).replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TreatyController.TEXT_CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(ParticipantsCsv.write(ParticipantsJson.rows(table, null)));
    }

    @GetMapping("/api/pages/messages")
    @Operation(
            summary = "The texts of the public pages in one language",
            description = "From the message bundles: 'lang' en or fr, else the Accept-Language header, else English."
                    + " Cached by the browser for an hour.")
    ResponseEntity<Map<String, String>> messages(
            @Parameter(description = "en or fr", example = "fr") @RequestParam(required = false) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Locale locale = Languages.of(lang, acceptLanguage);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(Languages.pages(locale));
    }

    @GetMapping("/api/pages/participants/{code}")
    @Operation(
            summary = "Everything the State page shows, in one answer",
            description = "The participant's row (signature, instrument, own entry into force, status, texts) under"
                    + " every treaty the ledger holds where it has a signature or instrument, on the legal date"
                    + " 'asOf' (default today). 404 UNKNOWN_PARTICIPANT for a code the registry does not know.")
    ParticipantPage participant(
            @Parameter(description = "ISO 3166-1 alpha-3 code, or EU", example = "FRA") @PathVariable String code,
            @Parameter(description = "Legal date, YYYY-MM-DD (default today)", example = "2026-12-31")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = "en or fr (default: Accept-Language, else English)", example = "fr")
                    @RequestParam(required = false)
                    String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        boolean french = Languages.french(Languages.of(lang, acceptLanguage));
        String participantCode = Require.participant(code, "code");
        Participant who = ParticipantRegistry.standard().find(participantCode).orElseThrow(() -> Rejection.notFound(
                        "UNKNOWN_PARTICIPANT",
                        "No State or organization with code '" + participantCode + "' is known to the ledger.")
                .exception());
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        List<TreatyRow> rows = new ArrayList<>();
        for (TreatyStatusView treaty : status.treaties(day)) {
            status.status(treaty.id(), day)
                    .flatMap(s -> s.participant(participantCode))
                    .ifPresent(row -> {
                        TreatyDefinition definition =
                                status.definition(treaty.id()).orElse(null);
                        rows.add(new TreatyRow(
                                treaty.id(),
                                treaty.reference(),
                                title(definition, treaty.title(), french),
                                shortTitle(definition, treaty.title(), french),
                                row));
                    });
        }
        String name = french ? ParticipantRegistry.standard().frenchNameOf(who.code()) : who.name();
        return new ParticipantPage(
                who.code(),
                name,
                who.kind().name(),
                day,
                french
                        ? rows.stream()
                                .map(r -> new TreatyRow(
                                        r.id(), r.reference(), r.title(), r.shortTitle(), inFrench(r.row())))
                                .toList()
                        : rows);
    }

    @GetMapping("/api/notifications")
    @Operation(
            summary = "Depositary notifications across treaties, the newest first",
            description = "Filtered by treaty, participant, year of issue and action (SIGNATURE, INSTRUMENT,"
                    + " DENUNCIATION, COMMUNICATION, CORRECTION, RETRACTION); at most 'limit' (default and maximum"
                    + " 500). Each carries its reference, date, subject, full text and the head hash it pins; in"
                    + " French with 'lang=fr' (or Accept-Language), for notifications issued with their French text.")
    List<NotificationView> notifications(
            @Parameter(description = "Only this treaty", example = "cybercrime") @RequestParam(required = false)
                    String treaty,
            @Parameter(description = "Only this participant", example = "FRA") @RequestParam(required = false)
                    String participant,
            @Parameter(description = "Only this year of issue", example = "2026") @RequestParam(required = false)
                    Integer year,
            @Parameter(description = "Only this action", example = "INSTRUMENT") @RequestParam(required = false)
                    String action,
            @Parameter(description = "At most this many (1–500)", example = "100") @RequestParam(required = false)
                    Integer limit,
            @Parameter(description = "en or fr (default: Accept-Language, else English)", example = "fr")
                    @RequestParam(required = false)
                    String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        boolean french = Languages.french(Languages.of(lang, acceptLanguage));
        return search(treaty, participant, year, action, limit, french);
    }

    List<NotificationView> search(
            String treaty, String participant, Integer year, String action, Integer limit, boolean french) {
        String treatyId = blank(treaty) ? null : treaty.trim();
        if (treatyId != null && status.status(treatyId, LocalDate.now(clock)).isEmpty()) {
            throw TreatyController.notFound(treatyId).exception();
        }
        String who = blank(participant) ? null : Require.participant(participant, "participant");
        if (year != null && (year < 1900 || year > 9999)) {
            throw Rejection.invalid("INVALID_YEAR", "'year' must be a year between 1900 and 9999.")
                    .exception();
        }
        String kind = blank(action) ? null : action.trim().toUpperCase(Locale.ROOT);
        if (kind != null && !ACTIONS.contains(kind)) {
            throw Rejection.invalid(
                            "INVALID_ACTION",
                            "'action' must be one of "
                                    + String.join(
                                            ", ", ACTIONS.stream().sorted().toList()) + ".")
                    .exception();
        }
        int max = limit == null ? MAX_NOTIFICATIONS : limit;
        if (max < 1 || max > MAX_NOTIFICATIONS) {
            throw Rejection.invalid("INVALID_LIMIT", "'limit' must be between 1 and " + MAX_NOTIFICATIONS + ".")
                    .exception();
        }
        return notifications.search(treatyId, who, year, kind, max, french);
    }

    /** A row with the participant's French short name. */
    static ParticipantView inFrench(ParticipantView p) {
        return p.named(ParticipantRegistry.standard().frenchNameOf(p.participant()));
    }

    /** The heading of the pages in their language ({@link TreatyDefinition#shortTitleIn}). */
    static String shortTitle(TreatyDefinition definition, String title, boolean french) {
        return definition != null ? definition.shortTitleIn(french) : title;
    }

    /** The full title in the pages' language ({@link TreatyDefinition#titleIn}). */
    static String title(TreatyDefinition definition, String title, boolean french) {
        return definition != null ? definition.titleIn(french) : title;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
