package org.ratification.ledger.core.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ratification.ledger.core.api.AmendmentAdoptedEvent;
import org.ratification.ledger.core.api.AmendmentClause;
import org.ratification.ledger.core.api.AmendmentInstrumentDepositedEvent;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.Irregularity;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;

/**
 * Every bound on what a definition or a record may carry, in one place: the REST layer refuses
 * with these before sending a command, and the aggregate refuses with them again, so that nothing
 * is recorded that a read model, a computed date or the export could not hold. A clause's delay is
 * bounded by what a treaty can mean (a century at most); a date lies in the years 1 to 9999, and so
 * does every date computed from it (a legal date plus the definition's longest delays); a text is
 * well-formed Unicode, without control characters other than tab and line breaks, and not longer
 * than its column; an id or a participant code is ASCII of a fixed shape.
 *
 * <p>Refusals: {@code INVALID_TREATY_DEFINITION} for a clause out of range, {@code
 * DATE_OUT_OF_RANGE}, {@code TEXT_TOO_LONG}, {@code TOO_MANY_TEXTS}, {@code CONTROL_CHARACTERS},
 * {@code INVALID_UNICODE}, {@code INVALID_PARTICIPANT_CODE}, {@code INVALID_RECORD_ID} and {@code
 * INVALID_TREATY_DEFINITION} for a treaty id, all 400.
 */
public final class Bounds {

    /** Instruments required for entry into force: more than there are States. */
    public static final int MAX_INSTRUMENTS_REQUIRED = 1_000;
    /** A delay counted in days: a century at most. */
    public static final int MAX_DAYS = 36_500;
    /** A delay counted in months: a century at most. */
    public static final int MAX_MONTHS = 1_200;
    /** A delay counted in years. */
    public static final int MAX_YEARS = 100;

    /** The first and last day a legal or computed date may be (years 1 to 9999, as ISO 8601 writes them). */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);

    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

    /** Long texts: declarations, reservations, communications, amendments, reasons (UTF-16 code units). */
    public static final int MAX_TEXT = 20_000;
    /** Short texts: place of signature, treaty reference, predecessor, a territory's name. */
    public static final int MAX_SHORT_TEXT = 255;
    /** A treaty's title. */
    public static final int MAX_TITLE = 1_000;
    /** The note of an acknowledged irregularity (a footnote of the status table). */
    public static final int MAX_NOTE = 2_000;
    /** Declarations, reservations or territories in one record. */
    public static final int MAX_TEXTS = 50;

    /** A treaty id: what the read models key by and URLs carry. */
    public static final Pattern TREATY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A record id (also an amendment id and a reference to a record). */
    public static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** The code of a refusal an irregularity acknowledges, as the ledger answers it: SIGNATORY_MUST_RATIFY. */
    public static final Pattern REFUSAL_CODE = Pattern.compile("[A-Z][A-Z_]{0,63}");
    /** A participant code as recorded: ISO 3166-1 alpha-3, or a REIO's code such as EU; ASCII only. */
    public static final Pattern PARTICIPANT = Pattern.compile("[A-Z]{2,3}");

    /** The widest delay the objection period adds to a reservation's date (Vienna Convention art. 20(5)). */
    static final int OBJECTION_MONTHS = 12;

    private Bounds() {}

    /** The clauses' numbers and the definition's dates, ids and texts. */
    public static Optional<Rejection> definition(TreatyDefinition d) {
        var eif = d.entryIntoForce();
        if (eif != null) {
            if (eif.instrumentsRequired() < 1 || eif.instrumentsRequired() > MAX_INSTRUMENTS_REQUIRED) {
                return clause("entryIntoForce.instrumentsRequired", 1, MAX_INSTRUMENTS_REQUIRED, "");
            }
            if (outside(eif.daysAfterThreshold(), MAX_DAYS)) {
                return clause("entryIntoForce.daysAfterThreshold", 0, MAX_DAYS, " days");
            }
            if (outside(eif.daysAfterLaterInstrument(), MAX_DAYS)) {
                return clause("entryIntoForce.daysAfterLaterInstrument", 0, MAX_DAYS, " days");
            }
        }
        if (d.denunciation() != null && outside(d.denunciation().takesEffectAfterMonths(), MAX_MONTHS)) {
            return clause("denunciation.takesEffectAfterMonths", 0, MAX_MONTHS, " months");
        }
        AmendmentClause amendments = d.amendments();
        if (amendments != null) {
            if (outside(amendments.proposalAfterYears(), MAX_YEARS)) {
                return clause("amendments.proposalAfterYears", 0, MAX_YEARS, " years");
            }
            if (outside(amendments.daysAfterInstrument(), MAX_DAYS)) {
                return clause("amendments.daysAfterInstrument", 0, MAX_DAYS, " days");
            }
        }
        if (d.id() != null && !TREATY_ID.matcher(d.id()).matches()) {
            return treatyId("id");
        }
        if (d.parentTreatyId() != null && !TREATY_ID.matcher(d.parentTreatyId()).matches()) {
            return treatyId("parentTreatyId");
        }
        return first(
                date("adoptedOn", d.adoptedOn()),
                d.signature() == null
                        ? Optional.empty()
                        : date("signature.opensOn", d.signature().opensOn()),
                d.signature() == null
                        ? Optional.empty()
                        : date("signature.closesOn", d.signature().closesOn()),
                text("reference", d.reference(), MAX_SHORT_TEXT),
                text("title", d.title(), MAX_TITLE),
                text("shortTitle", d.shortTitle(), MAX_SHORT_TEXT),
                text("titleFr", d.titleFr(), MAX_TITLE),
                text("shortTitleFr", d.shortTitleFr(), MAX_SHORT_TEXT));
    }

    /**
     * Every field of a record within its bounds, and every date computed from its legal date under
     * {@code definition} (the legal date plus the definition's longest delays) within the years 1 to 9999.
     */
    public static Optional<Rejection> record(TreatyDefinition definition, TreatyEvent event) {
        if (definition != null && !(event instanceof TreatyRegisteredEvent)) {
            // a treaty registered before these bounds existed: refuse to add to it what it could not compute
            Optional<Rejection> clauses = definition(definition);
            if (clauses.isPresent()) {
                return Optional.of(Rejection.invalid(
                        "INVALID_TREATY_DEFINITION",
                        "The treaty's registered definition is outside the ledger's bounds ("
                                + clauses.get().message() + "); nothing more can be recorded under it."));
            }
        }
        Optional<Rejection> found = first(recordId("recordId", event.recordId()), fields(event));
        if (found.isPresent()) {
            return found;
        }
        LocalDate legal = event.legalDate();
        if (legal != null
                && definition != null
                && latestComputed(definition, legal).isAfter(MAX_DATE)) {
            return Optional.of(Rejection.invalid(
                    "DATE_OUT_OF_RANGE",
                    "A date computed from " + legal + " under this treaty's clauses would fall after " + MAX_DATE
                            + "."));
        }
        return Optional.empty();
    }

    private static Optional<Rejection> fields(TreatyEvent event) {
        if (event instanceof TreatyRegisteredEvent e) {
            return e.definition() == null ? Optional.empty() : definition(e.definition());
        }
        if (event instanceof ConventionSignedEvent e) {
            return first(
                    participant("participant", e.participant()),
                    date("signedOn", e.signedOn()),
                    text("place", e.place(), MAX_SHORT_TEXT),
                    text("predecessor", e.predecessor(), MAX_SHORT_TEXT),
                    irregularity(e.irregularity()));
        }
        if (event instanceof InstrumentDepositedEvent e) {
            return first(
                    participant("participant", e.participant()),
                    date("depositedOn", e.depositedOn()),
                    texts("declarations", e.declarations(), MAX_TEXT),
                    texts("reservations", e.reservations(), MAX_TEXT),
                    text("predecessor", e.predecessor(), MAX_SHORT_TEXT),
                    date("boundFrom", e.boundFrom()),
                    irregularity(e.irregularity()));
        }
        if (event instanceof DenunciationNotifiedEvent e) {
            return first(
                    participant("participant", e.participant()),
                    date("receivedOn", e.receivedOn()),
                    date("effectiveOn", e.effectiveOn()));
        }
        if (event instanceof CommunicationReceivedEvent e) {
            return first(
                    participant("participant", e.participant()),
                    date("receivedOn", e.receivedOn()),
                    text("text", e.text(), MAX_TEXT),
                    recordId("refersTo", e.refersTo()),
                    texts("territories", e.territories(), MAX_SHORT_TEXT));
        }
        if (event instanceof AmendmentAdoptedEvent e) {
            return first(
                    recordId("amendmentId", e.amendmentId()),
                    date("adoptedOn", e.adoptedOn()),
                    text("text", e.text(), MAX_TEXT));
        }
        if (event instanceof AmendmentInstrumentDepositedEvent e) {
            return first(
                    recordId("amendmentId", e.amendmentId()),
                    participant("participant", e.participant()),
                    date("depositedOn", e.depositedOn()));
        }
        if (event instanceof RecordCorrectedEvent e) {
            return first(
                    recordId("correctsRecordId", e.correctsRecordId()),
                    text("reason", e.reason(), MAX_TEXT),
                    participant("participant", e.participant()),
                    date("date", e.date()));
        }
        if (event instanceof RecordRetractedEvent e) {
            return first(
                    recordId("retractsRecordId", e.retractsRecordId()),
                    text("reason", e.reason(), MAX_TEXT),
                    participant("participant", e.participant()),
                    date("date", e.date()));
        }
        return Optional.empty();
    }

    /**
     * The latest date the ledger may compute from a legal date under a definition: entry into
     * force (days after the threshold or a later instrument, or after an amendment instrument),
     * then the amendment proposal delay, a denunciation's or the objection period's months.
     */
    static LocalDate latestComputed(TreatyDefinition d, LocalDate legal) {
        long days = 0;
        long months = OBJECTION_MONTHS;
        long years = 0;
        if (d.entryIntoForce() != null) {
            days = Math.max(
                    Math.max(0, d.entryIntoForce().daysAfterThreshold()),
                    d.entryIntoForce().daysAfterLaterInstrument());
        }
        if (d.amendments() != null) {
            days = Math.max(days, d.amendments().daysAfterInstrument());
            years = Math.max(0, d.amendments().proposalAfterYears());
        }
        if (d.denunciation() != null) {
            months = Math.max(months, d.denunciation().takesEffectAfterMonths());
        }
        // each delay is bounded, so this cannot overflow LocalDate's own range
        return legal.plusDays(Math.min(days, MAX_DAYS))
                .plusMonths(Math.min(months, MAX_MONTHS))
                .plusYears(Math.min(years, MAX_YEARS));
    }

    /**
     * An acknowledged irregularity (null passes): the code of a refusal as the ledger answers it, and a
     * note that is not blank, within {@link #MAX_NOTE} characters, without control characters.
     */
    public static Optional<Rejection> irregularity(Irregularity irregularity) {
        if (irregularity == null) {
            return Optional.empty();
        }
        if (irregularity.code() == null
                || irregularity.note() == null
                || irregularity.note().isBlank()) {
            return Optional.of(Rejection.invalid(
                    "MISSING_FIELD",
                    "An acknowledged irregularity names the refusal it overrides (code) and says why (note)."));
        }
        if (!REFUSAL_CODE.matcher(irregularity.code()).matches()) {
            return Optional.of(Rejection.invalid(
                    "INVALID_IRREGULARITY_CODE",
                    "'irregularity.code' must be the code of a refusal as the ledger answers it, such as"
                            + " SIGNATORY_MUST_RATIFY."));
        }
        return text("irregularity.note", irregularity.note(), MAX_NOTE);
    }

    /** A legal date within the years 1 to 9999 (null passes: presence is checked elsewhere). */
    public static Optional<Rejection> date(String field, LocalDate value) {
        if (value != null && (value.isBefore(MIN_DATE) || value.isAfter(MAX_DATE))) {
            return Optional.of(Rejection.invalid(
                    "DATE_OUT_OF_RANGE", "The date '" + field + "' (" + value + ") is outside the years 1 to 9999."));
        }
        return Optional.empty();
    }

    /** A text of at most {@code max} UTF-16 code units, well-formed, without control characters but tab and line breaks. */
    public static Optional<Rejection> text(String field, String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > max) {
            return Optional.of(Rejection.invalid(
                    "TEXT_TOO_LONG", "The field '" + field + "' has more than " + max + " characters."));
        }
        if (!wellFormed(value)) {
            return Optional.of(Rejection.invalid(
                    "INVALID_UNICODE",
                    "The field '" + field + "' is not well-formed Unicode (it contains a lone surrogate)."));
        }
        if (value.chars().anyMatch(Bounds::forbiddenControl)) {
            return Optional.of(
                    Rejection.invalid("CONTROL_CHARACTERS", "The field '" + field + "' contains control characters."));
        }
        return Optional.empty();
    }

    /** At most {@link #MAX_TEXTS} texts, each as {@link #text}. */
    public static Optional<Rejection> texts(String field, List<String> values, int max) {
        if (values == null) {
            return Optional.empty();
        }
        if (values.size() > MAX_TEXTS) {
            return Optional.of(
                    Rejection.invalid("TOO_MANY_TEXTS", "'" + field + "' has more than " + MAX_TEXTS + " entries."));
        }
        for (String value : values) {
            Optional<Rejection> found = text(field + "[]", value, max);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A participant code as recorded: two or three ASCII capital letters (null passes). */
    public static Optional<Rejection> participant(String field, String code) {
        if (code != null && !PARTICIPANT.matcher(code).matches()) {
            return Optional.of(Rejection.invalid(
                    "INVALID_PARTICIPANT_CODE",
                    "'" + field
                            + "' must be an ISO 3166-1 alpha-3 code such as FRA, or EU for the European Union"
                            + " (ASCII letters only)."));
        }
        return Optional.empty();
    }

    /** A record id, amendment id or reference to a record (null passes). */
    public static Optional<Rejection> recordId(String field, String id) {
        if (id != null && !RECORD_ID.matcher(id).matches()) {
            return Optional.of(Rejection.invalid(
                    "INVALID_RECORD_ID",
                    "'" + field + "' is not a record id (1 to 64 ASCII letters, digits, '.', '_', ':' or '-')."));
        }
        return Optional.empty();
    }

    /** Whether every surrogate in {@code s} is half of a pair: the text can be written as UTF-8 exactly. */
    public static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** C0 and C1 controls and DEL, except tab, line feed and carriage return. */
    static boolean forbiddenControl(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }

    private static boolean outside(int value, int max) {
        return value < 0 || value > max;
    }

    private static Optional<Rejection> clause(String field, int min, int max, String unit) {
        return Optional.of(Rejection.invalid(
                "INVALID_TREATY_DEFINITION", field + " must be between " + min + " and " + max + unit + "."));
    }

    private static Optional<Rejection> treatyId(String field) {
        return Optional.of(Rejection.invalid(
                "INVALID_TREATY_DEFINITION",
                "A treaty id ('" + field
                        + "') is 1 to 64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit."));
    }

    @SafeVarargs
    private static Optional<Rejection> first(Optional<Rejection>... checks) {
        for (Optional<Rejection> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }
}
