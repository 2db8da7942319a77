package org.ratification.ledger.api.web;

import java.time.LocalDate;
import java.util.List;
import org.ratification.ledger.core.api.InstrumentView;
import org.ratification.ledger.core.api.ParticipantView;

/**
 * The participants table as CSV (RFC 4180: CRLF line ends, fields with a comma, a quote or a line
 * break quoted, quotes doubled). The instrument column prints the date followed by the letter, as
 * the UN Treaty Collection does ("2026-01-10 a"), and the signature column a succession to a
 * signature with its letter ("2006-10-23 d"); several declarations, reservations or acknowledged
 * irregularities ("SIGNATORY_MUST_RATIFY: the note") share one cell, one per line.
 *
 * <p>A cell that a spreadsheet would read as a formula (it starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) is neutralised as OWASP advises against CSV
 * injection: prefixed with a single quote and quoted. Only this rendering changes; the JSON and the
 * recorded text stay exactly what was sent.
 */
final class ParticipantsCsv {

    static final String HEADER = "participant,name,signature,instrument,type,entryIntoForce,status,"
            + "denunciationReceived,denunciationEffective,declarations,reservations,irregularities";

    private ParticipantsCsv() {}

    static String write(List<ParticipantView> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ParticipantView p : rows) {
            InstrumentView instrument = p.instrument();
            line(
                    csv,
                    p.participant(),
                    p.name(),
                    p.signatureLetter() == null ? date(p.signedOn()) : p.signedOn() + " " + p.signatureLetter(),
                    instrument == null ? "" : untc(instrument),
                    instrument == null ? "" : instrument.type().name(),
                    date(p.entryIntoForceOn()),
                    p.status().name(),
                    date(p.denunciationReceivedOn()),
                    date(p.denunciationEffectiveOn()),
                    String.join("\n", p.declarations()),
                    String.join("\n", p.reservations()),
                    String.join(
                            "\n",
                            p.irregularities().stream()
                                    .map(i -> i.code() + ": " + i.note())
                                    .toList()));
        }
        return csv.toString();
    }

    /** The instrument as UNTC prints it: the date, then the letter of its type if it has one. */
    static String untc(InstrumentView instrument) {
        String letter = instrument.letter() == null ? "" : instrument.letter();
        return instrument.depositedOn() + (letter.isEmpty() ? "" : " " + letter);
    }

    private static void line(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields[i]));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (formula(value)) {
            return "\"'" + value.replace("\"", "\"\"") + "\"";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** Whether a spreadsheet would take the cell for a formula (or a DDE call). */
    static boolean formula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
