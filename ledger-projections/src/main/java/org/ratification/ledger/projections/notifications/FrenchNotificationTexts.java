package org.ratification.ledger.projections.notifications;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.Irregularity;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.ActionKind;
import org.ratification.ledger.core.rules.EntryIntoForce;

/**
 * The French texts of depositary notifications, issued alongside the English ones: the same facts
 * from the same events, worded from the {@code notifications/texts_fr} message bundle. A French
 * short name takes an article that depends on the name ("la France", "l'Allemagne", "les
 * Pays-Bas"), which the registry does not hold; so the texts name the participant after a colon
 * ("Participant : Allemagne"), as forms do, and refer to it afterwards as "ce participant".
 * Dates read "25 octobre 2025" (the first of the month "1er"). Pure: every fact is passed in.
 */
final class FrenchNotificationTexts {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle(
            "notifications.texts",
            Locale.FRENCH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private final ParticipantRegistry registry;

    FrenchNotificationTexts(ParticipantRegistry registry) {
        this.registry = registry;
    }

    /** A French subject line and text. */
    record Text(String subject, String text) {}

    Text signature(TreatyDefinition treaty, ConventionSignedEvent e) {
        String place = e.place() == null || e.place().isBlank() ? "" : t("place", e.place());
        if (e.predecessor() != null) {
            return new Text(
                    subject(e.participant(), t("action.signatureSuccession")),
                    form(treaty, e.participant(), t("signedBySuccession", name(e.predecessor()), day(e.signedOn())))
                            + note(e.irregularity()));
        }
        return new Text(
                subject(e.participant(), t("action.signature")),
                form(treaty, e.participant(), t("signed", day(e.signedOn()), place)) + note(e.irregularity()));
    }

    /** The depositary's note on an acknowledged irregularity, as a paragraph of its own ("" without one). */
    private static String note(Irregularity irregularity) {
        return irregularity == null ? "" : "\n\n" + t("note", irregularity.note());
    }

    Text instrument(TreatyDefinition treaty, InstrumentDepositedEvent e, EntryIntoForce.Result result) {
        StringBuilder text = new StringBuilder(
                form(treaty, e.participant(), t("deposited", instrumentWords(e.type()), day(e.depositedOn()))));
        if (e.type() == InstrumentType.SUCCESSION
                && e.predecessor() != null
                && !e.predecessor().isBlank()) {
            // as the English text: the predecessor by its name, and the date from which the successor is bound
            text.append("\n\n")
                    .append(
                            e.boundFrom() == null
                                    ? t("successor", name(e.predecessor()))
                                    : t("successorFrom", name(e.predecessor()), day(e.boundFrom())));
        }
        List<String> accompanied = new ArrayList<>();
        count(accompanied, e.declarations().size(), "declaration");
        count(accompanied, e.reservations().size(), "reservation");
        if (!accompanied.isEmpty()) {
            text.append("\n\n").append(t("accompanied", String.join(t("and"), accompanied)));
        }
        text.append(note(e.irregularity()));
        text.append("\n\n").append(entryIntoForce(treaty, e.participant(), e.depositedOn(), result));
        return new Text(subject(e.participant(), typeWord(e.type()).toUpperCase(Locale.FRENCH)), text.toString());
    }

    Text denunciation(TreatyDefinition treaty, DenunciationNotifiedEvent e) {
        int months = treaty.denunciation().takesEffectAfterMonths();
        return new Text(
                subject(e.participant(), t("action.denunciation")),
                form(treaty, e.participant(), t("denounced", day(e.receivedOn())))
                        + "\n\n"
                        + t("denunciationEffect", day(e.effectiveOn()), months));
    }

    Text communication(
            TreatyDefinition treaty, CommunicationReceivedEvent e, Optional<NotificationTexts.Target> target) {
        String on = day(e.receivedOn());
        String quoted = "\n\n« " + e.text() + " »";
        String see = target.flatMap(NotificationTexts.Target::reference)
                .map(r -> t("see", r))
                .orElse("");
        return switch (e.kind()) {
            case DECLARATION -> new Text(
                    subject(e.participant(), t("action.declaration")),
                    form(treaty, e.participant(), t("communicated.declaration", on)) + quoted);
            case RESERVATION -> new Text(
                    subject(e.participant(), t("action.reservation")),
                    form(treaty, e.participant(), t("communicated.reservation", on)) + quoted);
            case OBJECTION -> {
                String author = target.map(x -> name(x.action().participant())).orElse(t("anotherParticipant"));
                yield new Text(
                        subject(e.participant(), t("action.objection", author.toUpperCase(Locale.FRENCH))),
                        form(treaty, e.participant(), t("communicated.objection", author, see, on)) + quoted);
            }
            case WITHDRAWAL -> {
                String what = target.map(x -> withdrawn(x.action())).orElse(t("withdrawn.unknown"));
                yield new Text(
                        subject(e.participant(), t("action.withdrawal", what.toUpperCase(Locale.FRENCH))),
                        form(treaty, e.participant(), t("communicated.withdrawal", what, see, on)) + quoted);
            }
            case NOTIFICATION -> new Text(
                    subject(e.participant(), t("action.notification")),
                    form(treaty, e.participant(), t("communicated.notification", on)) + quoted);
            case TERRITORIAL_APPLICATION -> new Text(
                    subject(e.participant(), t("action.territorial")),
                    form(
                                    treaty,
                                    e.participant(),
                                    t(
                                            "communicated.territorial",
                                            String.join(", ", e.territories() == null ? List.of() : e.territories()),
                                            on))
                            + quoted);
        };
    }

    Text correction(
            TreatyDefinition treaty,
            RecordCorrectedEvent e,
            NotificationTexts.Target before,
            Action after,
            EntryIntoForce.Result result) {
        Action was = before.action();
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(was.participant(), after.participant())) {
            changes.add(t("change.participant", name(after.participant()), name(was.participant())));
        }
        if (!was.date().equals(after.date())) {
            changes.add(t("change.date", dateWord(was), day(after.date()), day(was.date())));
        }
        if (was.instrumentType() != after.instrumentType() && after.instrumentType() != null) {
            changes.add(t("change.type", typeWord(after.instrumentType()), typeWord(was.instrumentType())));
        }
        StringBuilder text = new StringBuilder(
                        form(treaty, was.participant(), t("corrected", announced(before), label(was), day(was.date()))))
                .append("\n\n")
                .append(t("correction", changes.isEmpty() ? t("restated") : String.join(" ; ", changes)))
                .append("\n\n")
                .append(t("reason", e.reason()));
        if (after.kind() == ActionKind.INSTRUMENT && after.live()) {
            text.append("\n\n").append(entryIntoForce(treaty, after.participant(), after.date(), result));
        } else if (after.kind() == ActionKind.DENUNCIATION) {
            text.append("\n\n").append(t("denunciationTakesEffect", day(after.effectiveOn())));
        }
        return new Text(
                subject(after.participant(), t("action.correction", label(was).toUpperCase(Locale.FRENCH))),
                text.toString());
    }

    Text retraction(
            TreatyDefinition treaty,
            RecordRetractedEvent e,
            NotificationTexts.Target before,
            EntryIntoForce.Result result) {
        Action was = before.action();
        StringBuilder text = new StringBuilder(
                        form(treaty, was.participant(), t("retracted", announced(before), label(was), day(was.date()))))
                .append("\n\n")
                .append(t("reason", e.reason()));
        if (was.kind() == ActionKind.INSTRUMENT) {
            text.append("\n\n").append(treatyStatus(treaty, result));
        }
        return new Text(
                subject(was.participant(), t("action.retraction", label(was).toUpperCase(Locale.FRENCH))),
                text.toString());
    }

    /** When the treaty enters into force for the instrument's author, or how it will. */
    String entryIntoForce(
            TreatyDefinition treaty, String participant, LocalDate depositedOn, EntryIntoForce.Result result) {
        var clause = treaty.entryIntoForce();
        String rule = t("rule", ordinal(clause.daysAfterThreshold()), ordinal(clause.instrumentsRequired()));
        boolean counts = clause.reioInstrumentsCount() || !registry.isReio(participant);
        String notCounted = counts ? "" : " " + t("notCounted");
        if (!result.thresholdReached()) {
            return t(
                            "eif.pending",
                            rule,
                            clause.reioInstrumentsCount() ? "" : t("reioNotCounted"),
                            result.counted(),
                            clause.instrumentsRequired())
                    + notCounted;
        }
        LocalDate general = result.entryIntoForceOn();
        LocalDate inForce = result.entryIntoForceFor(depositedOn);
        boolean isThreshold = result.thresholdInstrument().participant().equals(participant)
                && result.thresholdInstrument().depositedOn().equals(depositedOn);
        if (isThreshold) {
            return t("eif.threshold", ordinal(clause.instrumentsRequired()), day(general), rule);
        }
        if (!depositedOn.isAfter(result.thresholdReachedOn())) {
            return t(
                            "eif.before",
                            day(inForce),
                            rule,
                            day(result.thresholdReachedOn()),
                            name(result.thresholdInstrument().participant()))
                    + notCounted;
        }
        return t("eif.after", day(inForce), ordinal(clause.daysAfterLaterInstrument()), day(general)) + notCounted;
    }

    private String treatyStatus(TreatyDefinition treaty, EntryIntoForce.Result result) {
        var clause = treaty.entryIntoForce();
        if (!result.thresholdReached()) {
            return t("status.pending", result.counted(), clause.instrumentsRequired());
        }
        return t(
                "status.inForce",
                day(result.entryIntoForceOn()),
                ordinal(clause.daysAfterThreshold()),
                ordinal(clause.instrumentsRequired()),
                day(result.thresholdReachedOn()));
    }

    /** The opening, then the participant and the treaty as a form, then the action's sentence. */
    private String form(TreatyDefinition treaty, String participant, String action) {
        return t("opening") + "\n\n" + t("participant", name(participant)) + "\n" + t("treaty", treaty.titleIn(true))
                + "\n\n" + action;
    }

    private String announced(NotificationTexts.Target target) {
        return target.reference()
                .map(r -> t("announced.notification", r))
                .orElse(t("announced.record", target.action().recordId()));
    }

    private static String label(Action action) {
        return switch (action.kind()) {
            case SIGNATURE -> t("label.signature");
            case INSTRUMENT -> typeWord(action.instrumentType());
            case DENUNCIATION -> t("label.denunciation");
            case AMENDMENT -> t("label.amendment", action.amendmentId());
            case AMENDMENT_INSTRUMENT -> t("label.amendmentInstrument", action.amendmentId());
            case COMMUNICATION -> action.communicationKind() == null
                    ? t("label.communication")
                    : t("label." + action.communicationKind().name());
        };
    }

    private static String dateWord(Action action) {
        return switch (action.kind()) {
            case SIGNATURE -> t("date.signature");
            case INSTRUMENT -> t("date.deposit");
            default -> t("date.receipt");
        };
    }

    private static String withdrawn(Action target) {
        if (target.kind() == ActionKind.INSTRUMENT) {
            return t("withdrawn.instrument");
        }
        return target.communicationKind() == CommunicationKind.DECLARATION
                ? t("withdrawn.declaration", day(target.date()))
                : t("withdrawn.reservation", day(target.date()));
    }

    private static String instrumentWords(InstrumentType type) {
        return t("instrument." + type.name());
    }

    private static String typeWord(InstrumentType type) {
        return type == null ? t("type.unknown") : t("type." + type.name());
    }

    private String subject(String participant, String action) {
        return name(participant).toUpperCase(Locale.FRENCH) + " : " + action;
    }

    private String name(String participant) {
        return registry.frenchNameOf(participant);
    }

    /** "25 octobre 2025", "1er janvier 2026". */
    static String day(LocalDate date) {
        return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " " + date.format(DAY);
    }

    /** "1er", "2e", "90e". */
    static String ordinal(int n) {
        return n == 1 ? "1er" : n + "e";
    }

    private static void count(List<String> parts, int n, String word) {
        if (n > 0) {
            parts.add(t(word + (n == 1 ? ".one" : ".many"), n));
        }
    }

    private static String t(String key, Object... args) {
        String pattern = TEXTS.getString(key);
        for (int i = 0; i < args.length; i++) {
            pattern = pattern.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return pattern;
    }
}
