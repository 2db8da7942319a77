package org.ratification.ledger.api.imports;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.InstrumentView;
import org.ratification.ledger.core.api.ParticipantView;

/**
 * A participants table written in the layout the UN Treaty Collection publishes, the layout
 * {@link UntcTable} reads: participants by UN short name in alphabetical order, dates as "12 Dec
 * 2000", the instrument's letter after its date ("7 Jun 2004 a"), a succession to a signature with
 * "d" in the signature column ("23 Oct 2006 d"). Acknowledged irregularities are footnotes: a number
 * after the participant's name, as the published tables mark theirs ("Montenegro 1"), counted down
 * the table, and a last column {@code Irregularity} with "CODE: note" (one per line), which the
 * import reads back. RFC 4180: CRLF line ends, fields with a comma, a quote or a line break quoted.
 * Importing this output into a treaty without records reproduces the same table.
 */
public final class UntcLayout {

    public static final String NAME = "untc";

    static final String INSTRUMENTS = "Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)";
    static final String ALL_INSTRUMENTS = "Ratification, Acceptance(A), Approval(AA), Formal confirmation(c),"
            + " Accession(a), Succession(d), Definitive signature(s)";

    private UntcLayout() {}

    public static String write(List<ParticipantView> participants) {
        boolean otherKinds = participants.stream()
                .map(ParticipantView::instrument)
                .anyMatch(i -> i != null
                        && (i.type() == InstrumentType.FORMAL_CONFIRMATION
                                || i.type() == InstrumentType.DEFINITIVE_SIGNATURE));
        boolean irregularities =
                participants.stream().anyMatch(p -> !p.irregularities().isEmpty());
        StringBuilder csv = new StringBuilder("Participant,Signature,")
                .append(quoted(otherKinds ? ALL_INSTRUMENTS : INSTRUMENTS))
                .append(irregularities ? "," + UntcTable.IRREGULARITY : "")
                .append("\r\n");
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        int[] footnotes = {0};
        participants.stream()
                .filter(p -> p.signedOn() != null || p.instrument() != null)
                .sorted(Comparator.comparing(ParticipantView::name, collator))
                .forEach(p -> {
                    InstrumentView instrument = p.instrument();
                    List<String> marks = new ArrayList<>();
                    p.irregularities().forEach(i -> marks.add(String.valueOf(++footnotes[0])));
                    csv.append(field(marks.isEmpty() ? p.name() : p.name() + " " + String.join(", ", marks)))
                            .append(',')
                            .append(p.signedOn() == null ? "" : UntcCell.format(p.signedOn(), p.signatureLetter()))
                            .append(',')
                            .append(
                                    instrument == null
                                            ? ""
                                            : UntcCell.format(instrument.depositedOn(), instrument.letter()));
                    if (irregularities) {
                        csv.append(',')
                                .append(field(String.join(
                                        "\n",
                                        p.irregularities().stream()
                                                .map(i -> i.code() + ": " + i.note())
                                                .toList())));
                    }
                    csv.append("\r\n");
                });
        return csv.toString();
    }

    private static String field(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? quoted(value)
                : value;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
