package org.ratification.ledger.api.imports;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.InstrumentView;
import org.ratification.ledger.core.api.ParticipantView;

/**
 * A participants table written in the layout the UN Treaty Collection publishes, the layout
 * {@link UntcTable} reads: participants by UN short name in alphabetical order, dates as "12 Dec
 * 2000", the instrument's letter after its date ("7 Jun 2004 a"). RFC 4180: CRLF line ends, fields
 * with a comma or a quote quoted. Importing this output into a treaty without records reproduces the
 * same table.
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
        StringBuilder csv = new StringBuilder("Participant,Signature,")
                .append(quoted(otherKinds ? ALL_INSTRUMENTS : INSTRUMENTS))
                .append("\r\n");
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        participants.stream()
                .filter(p -> p.signedOn() != null || p.instrument() != null)
                .sorted(Comparator.comparing(ParticipantView::name, collator))
                .forEach(p -> {
                    InstrumentView instrument = p.instrument();
                    csv.append(field(p.name()))
                            .append(',')
                            .append(p.signedOn() == null ? "" : UntcCell.format(p.signedOn()))
                            .append(',')
                            .append(
                                    instrument == null
                                            ? ""
                                            : UntcCell.format(instrument.depositedOn(), instrument.letter()))
                            .append("\r\n");
                });
        return csv.toString();
    }

    private static String field(String value) {
        return value.contains(",") || value.contains("\"") ? quoted(value) : value;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
