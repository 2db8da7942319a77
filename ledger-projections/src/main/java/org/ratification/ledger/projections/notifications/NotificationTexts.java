package org.ratification.ledger.projections.notifications;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.Irregularity;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.RecordType;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.ActionKind;
import org.ratification.ledger.core.rules.ClauseText;
import org.ratification.ledger.core.rules.EntryIntoForce;

/**
 * The English texts of depositary notifications, after the Treaty Section's style: a subject line
 * ("FRANCE: RATIFICATION") and a text that names the treaty, the action, the participant and the
 * date, and for an instrument when the treaty enters into force for its author. Pure: every fact
 * it needs is passed in.
 */
final class NotificationTexts {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private static final String OPENING = "The Secretary-General of the United Nations, acting in the capacity of"
            + " depositary, communicates the following:\n\n";

    private final ParticipantRegistry registry;

    NotificationTexts(ParticipantRegistry registry) {
        this.registry = registry;
    }

    /** A notification before it has a number. */
    record Draft(String action, String subject, String text, LocalDate entryIntoForceOn) {}

    /** A previous record a notification is about, with the notification that announced it. */
    record Target(Action action, Optional<String> reference) {}

    /** The reference of the {@code number}th notification of {@code year} about a treaty. */
    static String reference(TreatyDefinition treaty, int number, int year) {
        return "C.N." + number + "." + year + ".TREATIES-" + dotted(treaty.reference());
    }

    /** The treaty reference as C.N.s print it: the last '-' becomes '.' (XVIII-16 gives XVIII.16). */
    static String dotted(String reference) {
        int last = reference.lastIndexOf('-');
        return last < 0 ? reference : reference.substring(0, last) + "." + reference.substring(last + 1);
    }

    Draft signature(TreatyDefinition treaty, ConventionSignedEvent e) {
        String place = e.place() == null || e.place().isBlank() ? "" : " at " + e.place();
        if (e.predecessor() != null) {
            // a succession to a signature: the successor State notifies it; it signs nothing itself
            return new Draft(
                    "SIGNATURE",
                    subject(e.participant(), "SUCCESSION TO THE SIGNATURE"),
                    OPENING + "On " + day(e.signedOn()) + ", the Secretary-General received from "
                            + name(e.participant()) + " a notification of succession to the signature of the "
                            + treaty.title() + " by " + name(e.predecessor()) + "." + note(e.irregularity()),
                    null);
        }
        return new Draft(
                RecordType.SIGNATURE.name(),
                subject(e.participant(), "SIGNATURE"),
                OPENING + "On " + day(e.signedOn()) + ", " + name(e.participant()) + " signed the " + treaty.title()
                        + place + "." + note(e.irregularity()),
                null);
    }

    /** The depositary's note on an acknowledged irregularity, as a paragraph of its own ("" without one). */
    static String note(Irregularity irregularity) {
        return irregularity == null ? "" : "\n\nNote by the depositary: " + irregularity.note();
    }

    Draft instrument(TreatyDefinition treaty, InstrumentDepositedEvent e, EntryIntoForce.Result result) {
        StringBuilder text = new StringBuilder(OPENING)
                .append("On ")
                .append(day(e.depositedOn()))
                .append(", ")
                .append(name(e.participant()))
                .append(" deposited its ")
                .append(instrumentWords(e.type()))
                .append(' ')
                .append(treaty.title())
                .append('.');
        if (e.type() == InstrumentType.SUCCESSION
                && e.predecessor() != null
                && !e.predecessor().isBlank()) {
            // a code of the registry (a former State such as YUG or SUN) is named by its name
            text.append(" It succeeds to the ")
                    .append(noun(treaty))
                    .append(" as successor to ")
                    .append(name(e.predecessor()))
                    .append(e.boundFrom() == null ? "" : ", with effect from " + day(e.boundFrom()))
                    .append('.');
        }
        List<String> accompanied = new ArrayList<>();
        count(accompanied, e.declarations().size(), "declaration");
        count(accompanied, e.reservations().size(), "reservation");
        if (!accompanied.isEmpty()) {
            text.append(" The instrument was accompanied by ")
                    .append(String.join(" and ", accompanied))
                    .append(", the text of which is available from the depositary.");
        }
        text.append(note(e.irregularity()));
        LocalDate inForce = result.entryIntoForceFor(e.depositedOn());
        text.append("\n\n").append(entryIntoForce(treaty, e.participant(), e.depositedOn(), result));
        return new Draft(
                RecordType.INSTRUMENT.name(), subject(e.participant(), e.type().name()), text.toString(), inForce);
    }

    Draft denunciation(TreatyDefinition treaty, DenunciationNotifiedEvent e) {
        int months = treaty.denunciation().takesEffectAfterMonths();
        return new Draft(
                RecordType.DENUNCIATION.name(),
                subject(e.participant(), "DENUNCIATION"),
                OPENING + "On " + day(e.receivedOn()) + ", the Secretary-General received from "
                        + name(e.participant()) + " a written notification of its denunciation of the "
                        + treaty.title() + ".\n\nIn accordance with the denunciation provisions of the "
                        + noun(treaty) + ", the denunciation takes effect on " + day(e.effectiveOn()) + ", "
                        + period(months, treaty.denunciation().takesEffectAfterDays())
                        + " after the date of receipt of the notification.",
                null);
    }

    /** "12 months", "90 days", "6 months and 10 days". */
    private static String period(int months, Integer days) {
        int d = days == null ? 0 : days;
        String m = months + " month" + (months == 1 ? "" : "s");
        if (d == 0) {
            return m;
        }
        String ds = d + " day" + (d == 1 ? "" : "s");
        return months == 0 ? ds : m + " and " + ds;
    }

    Draft communication(TreatyDefinition treaty, CommunicationReceivedEvent e, Optional<Target> target) {
        String who = name(e.participant());
        String on = "On " + day(e.receivedOn()) + ", ";
        String quoted = "\n\n\"" + e.text() + "\"";
        String see = target.flatMap(Target::reference)
                .map(r -> " (see depositary notification " + r + ")")
                .orElse("");
        return switch (e.kind()) {
            case DECLARATION, RESERVATION -> {
                String kind = e.kind().name().toLowerCase(Locale.ROOT);
                yield new Draft(
                        RecordType.COMMUNICATION.name(),
                        subject(e.participant(), e.kind().name()),
                        OPENING + on + who + " communicated the following " + kind + " with respect to the "
                                + treaty.title() + ":" + quoted,
                        null);
            }
            case OBJECTION -> {
                String author = target.map(t -> name(t.action().participant())).orElse("another participant");
                yield new Draft(
                        RecordType.COMMUNICATION.name(),
                        subject(e.participant(), "OBJECTION TO THE RESERVATION MADE BY " + upper(author)),
                        OPENING + on + who + " communicated the following objection to the reservation made by "
                                + author + see + " with respect to the " + treaty.title() + ":" + quoted,
                        null);
            }
            case WITHDRAWAL -> {
                String what = target.map(t -> withdrawn(t.action())).orElse("a reservation or declaration");
                yield new Draft(
                        RecordType.COMMUNICATION.name(),
                        subject(e.participant(), "WITHDRAWAL OF " + upper(what)),
                        OPENING + on + who + " notified the Secretary-General of its decision to withdraw " + what + see
                                + " made with respect to the " + treaty.title() + ":" + quoted,
                        null);
            }
            case NOTIFICATION -> new Draft(
                    RecordType.COMMUNICATION.name(),
                    subject(e.participant(), "NOTIFICATION"),
                    OPENING + on + who + " made the following notification under the " + treaty.title() + ":" + quoted,
                    null);
            case TERRITORIAL_APPLICATION -> new Draft(
                    RecordType.COMMUNICATION.name(),
                    subject(e.participant(), "TERRITORIAL APPLICATION"),
                    OPENING + on + who + " notified the Secretary-General that the " + treaty.title()
                            + " shall apply to "
                            + String.join(", ", e.territories() == null ? List.of() : e.territories())
                            + ":" + quoted,
                    null);
        };
    }

    Draft correction(
            TreatyDefinition treaty,
            RecordCorrectedEvent e,
            Target before,
            Action after,
            EntryIntoForce.Result result) {
        Action was = before.action();
        List<String> changes = new ArrayList<>();
        if (!java.util.Objects.equals(was.participant(), after.participant())) {
            changes.add("the participant is " + name(after.participant()) + " (not " + name(was.participant()) + ")");
        }
        if (!was.date().equals(after.date())) {
            changes.add("the " + dateWord(was) + " is " + day(after.date()) + " (not " + day(was.date()) + ")");
        }
        if (was.instrumentType() != after.instrumentType() && after.instrumentType() != null) {
            changes.add("the instrument is one of " + lower(after.instrumentType()) + " (not "
                    + lower(was.instrumentType()) + ")");
        }
        StringBuilder text = new StringBuilder(OPENING)
                .append("The Secretary-General refers to ")
                .append(announced(before))
                .append(", concerning the ")
                .append(label(was))
                .append(" of the ")
                .append(treaty.title())
                .append(" by ")
                .append(name(was.participant()))
                .append(" dated ")
                .append(day(was.date()))
                .append(", and communicates the following correction: ")
                .append(changes.isEmpty() ? "the record is restated" : String.join("; ", changes))
                .append(".\n\nReason for the correction: ")
                .append(e.reason());
        LocalDate inForce = null;
        if (after.kind() == ActionKind.INSTRUMENT && after.live()) {
            inForce = result.entryIntoForceFor(after.date());
            text.append("\n\n").append(entryIntoForce(treaty, after.participant(), after.date(), result));
        } else if (after.kind() == ActionKind.DENUNCIATION) {
            text.append("\n\nThe denunciation takes effect on ")
                    .append(day(after.effectiveOn()))
                    .append('.');
        }
        return new Draft(
                RecordType.CORRECTION.name(),
                subject(after.participant(), "CORRECTION (" + upper(label(was)) + ")"),
                text.toString(),
                inForce);
    }

    Draft retraction(TreatyDefinition treaty, RecordRetractedEvent e, Target before, EntryIntoForce.Result result) {
        Action was = before.action();
        StringBuilder text = new StringBuilder(OPENING)
                .append("The Secretary-General refers to ")
                .append(announced(before))
                .append(", concerning the ")
                .append(label(was))
                .append(" of the ")
                .append(treaty.title())
                .append(" by ")
                .append(name(was.participant()))
                .append(" dated ")
                .append(day(was.date()))
                .append(". That record was made in error and is withdrawn.\n\nReason: ")
                .append(e.reason());
        if (was.kind() == ActionKind.INSTRUMENT) {
            text.append("\n\n").append(treatyStatus(treaty, result));
        }
        return new Draft(
                RecordType.RETRACTION.name(),
                subject(was.participant(), "WITHDRAWAL OF A RECORD MADE IN ERROR (" + upper(label(was)) + ")"),
                text.toString(),
                null);
    }

    /** When the treaty enters into force for an instrument's author, or how it will once the threshold is reached. */
    String entryIntoForce(
            TreatyDefinition treaty, String participant, LocalDate depositedOn, EntryIntoForce.Result result) {
        var clause = treaty.entryIntoForce();
        String noun = noun(treaty);
        String who = name(participant);
        String rule = ClauseText.generalRule(clause, this::name)
                .replaceFirst(" instrument(?! of)", " instrument of ratification, acceptance, approval or accession");
        boolean counts = clause.reioInstrumentsCount() || !registry.isReio(participant);
        String notCounted = counts
                ? ""
                : " In accordance with the " + noun + ", this instrument is not counted as additional to those"
                        + " deposited by the member States of " + who + ".";
        if (!result.thresholdReached()) {
            return "The " + noun + " will enter into force for " + who + " in accordance with its entry-into-force"
                    + " provisions once the required number of instruments is reached: on " + rule
                    + (clause.reioInstrumentsCount()
                            ? ""
                            : " (instruments of regional economic integration organizations are not counted)")
                    + ". Instruments counted so far: " + result.counted() + " of " + clause.instrumentsRequired()
                    + "." + ClauseText.progress(clause, result, this::name) + notCounted;
        }
        LocalDate general = result.entryIntoForceOn();
        LocalDate inForce = result.entryIntoForceFor(depositedOn);
        boolean isThreshold = result.thresholdInstrument().participant().equals(participant)
                && result.thresholdInstrument().depositedOn().equals(depositedOn);
        if (isThreshold) {
            return "With this instrument the " + ordinal(clause.instrumentsRequired())
                    + " instrument has been deposited. In accordance with its entry-into-force provisions, the "
                    + noun + " enters into force on " + day(general) + ", " + rule + ", including for " + who + ".";
        }
        if (!depositedOn.isAfter(result.thresholdReachedOn())) {
            return "In accordance with its entry-into-force provisions, the " + noun + " enters into force for " + who
                    + " on " + day(inForce) + ", " + rule + " (deposited on " + day(result.thresholdReachedOn())
                    + " by " + name(result.thresholdInstrument().participant()) + ")." + notCounted;
        }
        return "In accordance with its entry-into-force provisions, the " + noun + " enters into force for " + who
                + " on " + day(inForce) + ": "
                + ClauseText.delay(
                        clause.daysAfterLaterInstrument(), clause.monthsAfterLaterInstrument(), clause.rounding())
                + " the date of deposit of its instrument, or the date of entry into force of the " + noun
                + " (" + day(general) + ") if that is later." + notCounted;
    }

    /** The treaty's entry into force as it stands, after an instrument was withdrawn as made in error. */
    private String treatyStatus(TreatyDefinition treaty, EntryIntoForce.Result result) {
        var clause = treaty.entryIntoForce();
        if (!result.thresholdReached()) {
            return "Instruments now counted toward the entry into force of the " + noun(treaty) + ": "
                    + result.counted() + " of " + clause.instrumentsRequired() + ".";
        }
        return "The " + noun(treaty) + " enters into force on " + day(result.entryIntoForceOn()) + ", "
                + ClauseText.generalRule(clause, this::name) + " (deposited on "
                + day(result.thresholdReachedOn()) + ").";
    }

    private String announced(Target target) {
        return target.reference()
                .map(r -> "depositary notification " + r)
                .orElse("record " + target.action().recordId());
    }

    private static String label(Action action) {
        return switch (action.kind()) {
            case SIGNATURE -> "signature";
            case INSTRUMENT -> lower(action.instrumentType());
            case DENUNCIATION -> "denunciation";
            case AMENDMENT -> "adoption of amendment " + action.amendmentId();
            case AMENDMENT_INSTRUMENT -> "instrument for amendment " + action.amendmentId();
            case COMMUNICATION -> action.communicationKind() == null
                    ? "communication"
                    : action.communicationKind().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String dateWord(Action action) {
        return switch (action.kind()) {
            case SIGNATURE -> "date of signature";
            case INSTRUMENT -> "date of deposit";
            default -> "date of receipt";
        };
    }

    private static String withdrawn(Action target) {
        if (target.kind() == ActionKind.INSTRUMENT) {
            return "the reservations and declarations made upon deposit of its instrument";
        }
        return target.communicationKind() == CommunicationKind.DECLARATION
                ? "its declaration of " + day(target.date())
                : "its reservation of " + day(target.date());
    }

    private static String instrumentWords(InstrumentType type) {
        return switch (type) {
            case RATIFICATION -> "instrument of ratification of the";
            case ACCEPTANCE -> "instrument of acceptance of the";
            case APPROVAL -> "instrument of approval of the";
            case ACCESSION -> "instrument of accession to the";
            case SUCCESSION -> "notification of succession to the";
            case FORMAL_CONFIRMATION -> "instrument of formal confirmation of the";
            case DEFINITIVE_SIGNATURE -> "definitive signature (without reservation as to ratification) of the";
        };
    }

    /** "Convention", "Protocol", … as the title names the treaty, else "treaty". */
    static String noun(TreatyDefinition treaty) {
        for (String noun : List.of("Convention", "Protocol", "Agreement", "Covenant", "Charter", "Statute", "Treaty")) {
            if (treaty.title().contains(noun)) {
                return noun;
            }
        }
        return "treaty";
    }

    private String subject(String participant, String action) {
        return upper(name(participant)) + ": " + action;
    }

    private String name(String participant) {
        return registry.nameOf(participant);
    }

    static String day(LocalDate date) {
        return date.format(DAY);
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    private static void count(List<String> parts, int n, String word) {
        if (n > 0) {
            parts.add(n + " " + word + (n == 1 ? "" : "s"));
        }
    }

    private static String lower(InstrumentType type) {
        return type == null ? "instrument" : type.name().toLowerCase(Locale.ROOT);
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
