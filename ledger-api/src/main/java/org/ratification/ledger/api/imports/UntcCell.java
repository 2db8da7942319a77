package org.ratification.ledger.api.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ratification.ledger.core.api.InstrumentType;

/**
 * A date cell of a UNTC status table: the date written "12 Dec 2000" (day, English month, year),
 * then, after a space, the letter of the kind of instrument if it has one: {@code A} acceptance,
 * {@code AA} approval, {@code a} accession, {@code c} formal confirmation, {@code d} succession,
 * {@code s} definitive signature (the letters are case-sensitive: {@code A} is not {@code a}).
 */
public record UntcCell(LocalDate date, String letter) {

    private static final Pattern CELL =
            Pattern.compile("(\\d{1,2})[ \\t]+([A-Za-z]{3,9})\\.?[ \\t]+(\\d{4})(?:[ \\t]+(AA|A|a|c|d|s))?");

    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };

    /** Empty for an empty cell; a cell that is neither empty nor a date with a known letter throws. */
    public static Optional<UntcCell> parse(String text) throws IllegalArgumentException {
        String cell = text == null ? "" : text.strip();
        if (cell.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = CELL.matcher(cell);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + cell + "' is not a date such as '12 Dec 2000' or '7 Jun 2004 a'"
                    + " (letters: A, AA, a, c, d, s).");
        }
        int month = month(m.group(2));
        if (month == 0) {
            throw new IllegalArgumentException("'" + m.group(2) + "' in '" + cell + "' is not a month.");
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
            return Optional.of(new UntcCell(date, m.group(4) == null ? "" : m.group(4)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + cell + "' is not a date of the calendar.");
        }
    }

    /** The kind of instrument the letter stands for in the column of instruments. */
    public InstrumentType instrumentType() {
        for (InstrumentType type : InstrumentType.values()) {
            if (type.letter().equals(letter)) {
                return type;
            }
        }
        throw new IllegalStateException("No instrument has the letter " + letter);
    }

    /** A date as the tables print it: "9 Dec 1998". */
    public static String format(LocalDate date) {
        String month = MONTHS[date.getMonthValue() - 1];
        return date.getDayOfMonth() + " " + Character.toUpperCase(month.charAt(0)) + month.substring(1) + " "
                + date.getYear();
    }

    /** A date and a letter as the tables print them: "7 Jun 2004 a", "12 Dec 2000". */
    public static String format(LocalDate date, String letter) {
        return letter == null || letter.isEmpty() ? format(date) : format(date) + " " + letter;
    }

    private static int month(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            String full = java.time.Month.of(i + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (lower.equals(MONTHS[i])
                    || lower.equals(full.toLowerCase(Locale.ROOT))
                    || (i == 8 && lower.equals("sept"))) {
                return i + 1;
            }
        }
        return 0;
    }
}
