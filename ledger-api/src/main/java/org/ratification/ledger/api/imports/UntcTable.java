package org.ratification.ledger.api.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ratification.ledger.core.rules.Rejection;

/**
 * A status table in the layout the UN Treaty Collection publishes, read from the bytes of a CSV
 * file (RFC 4180 quoting, UTF-8, an optional byte-order mark). The first non-blank line is the
 * header: {@code Participant}, {@code Signature}, then the column of instruments ("Ratification,
 * Acceptance(A), Approval(AA), Accession(a), Succession(d)", or another heading naming kinds of
 * instrument); further columns (a denunciation column, notes) are tolerated and ignored, except a
 * column headed {@code Irregularity}: the ledger's own acknowledgement of an irregularity of the row,
 * "CODE: note" per line ({@link UntcLayout} writes it). Bounded:
 * every refusal of the file as a whole is a {@link Rejection} with a stable code.
 */
public final class UntcTable {

    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_ROWS = 1_000;
    public static final int MAX_COLUMNS = 20;
    public static final int MAX_CELL = 200;

    private static final List<String> INSTRUMENT_WORDS = List.of(
            "ratification",
            "acceptance",
            "approval",
            "accession",
            "succession",
            "formal confirmation",
            "definitive signature",
            "consent");

    /** The heading of the column of acknowledged irregularities (case-insensitive). */
    public static final String IRREGULARITY = "Irregularity";

    /**
     * One line of the table: its number in the file (the header is line 1 of the table) and its cells;
     * {@code irregularity} is the cell of the Irregularity column ("" without one).
     */
    public record Row(long line, String participant, String signature, String instrument, String irregularity) {

        public Row(long line, String participant, String signature, String instrument) {
            this(line, participant, signature, instrument, "");
        }
    }

    /** The rows, the headings of the columns ignored, and the SHA-256 of the file (lowercase hex). */
    public record Table(List<Row> rows, List<String> ignoredColumns, String sha256) {}

    private UntcTable() {}

    public static Table read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw Rejection.invalid("EMPTY_TABLE", "The table is empty; send a CSV file with a header row.")
                    .exception();
        }
        if (bytes.length > MAX_BYTES) {
            throw Rejection.invalid(
                            "TABLE_TOO_LARGE",
                            "The table has " + bytes.length + " bytes; at most " + MAX_BYTES + " are accepted.")
                    .exception();
        }
        String text = utf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw Rejection.invalid(
                                "CONTROL_CHARACTERS",
                                "The table contains a control character (U+" + String.format("%04X", (int) c)
                                        + "); only tabs and line breaks are allowed.")
                        .exception();
            }
        }
        List<CSVRecord> records = records(text);
        List<String> ignored = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        int irregularityColumn = -1;
        long line = 0;
        for (CSVRecord record : records) {
            if (blank(record)) {
                continue;
            }
            line++;
            if (record.size() > MAX_COLUMNS) {
                throw Rejection.invalid(
                                "TOO_MANY_COLUMNS",
                                "Line " + record.getRecordNumber() + " has " + record.size() + " columns; at most "
                                        + MAX_COLUMNS + " are accepted.")
                        .exception();
            }
            for (String cell : record) {
                if (cell.length() > MAX_CELL) {
                    throw Rejection.invalid(
                                    "CELL_TOO_LONG",
                                    "A cell of line " + record.getRecordNumber() + " has " + cell.length()
                                            + " characters; at most " + MAX_CELL + " are accepted.")
                            .exception();
                }
            }
            if (header) {
                checkHeader(record);
                for (int i = 3; i < record.size(); i++) {
                    if (irregularityColumn < 0 && record.get(i).strip().equalsIgnoreCase(IRREGULARITY)) {
                        irregularityColumn = i;
                    } else {
                        ignored.add(record.get(i).strip());
                    }
                }
                header = false;
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                throw Rejection.invalid(
                                "TOO_MANY_ROWS", "The table has more than " + MAX_ROWS + " rows of participants.")
                        .exception();
            }
            rows.add(new Row(
                    record.getRecordNumber(),
                    cell(record, 0),
                    cell(record, 1),
                    cell(record, 2),
                    irregularityColumn < 0 ? "" : cell(record, irregularityColumn)));
        }
        if (header) {
            throw Rejection.invalid("EMPTY_TABLE", "The table has no header row.")
                    .exception();
        }
        return new Table(List.copyOf(rows), List.copyOf(ignored), sha256(bytes));
    }

    private static void checkHeader(CSVRecord record) {
        String participant = heading(record, 0);
        String signature = heading(record, 1);
        String instruments = heading(record, 2);
        if (!participant.startsWith("participant")
                || !signature.startsWith("signature")
                || INSTRUMENT_WORDS.stream().noneMatch(instruments::contains)) {
            throw Rejection.invalid(
                            "UNEXPECTED_HEADER",
                            "The header row must name the columns Participant, Signature and the instruments"
                                    + " (\"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)\"),"
                                    + " in that order.")
                    .exception();
        }
    }

    private static String heading(CSVRecord record, int column) {
        return cell(record, column).toLowerCase(Locale.ROOT);
    }

    private static String cell(CSVRecord record, int column) {
        return column < record.size() ? record.get(column).strip() : "";
    }

    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static List<CSVRecord> records(String text) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format)
                .get()) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw Rejection.invalid(
                            "MALFORMED_CSV", "The table is not valid CSV (RFC 4180): " + firstLine(e.getMessage()))
                    .exception();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable.";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Rejection.invalid("INVALID_ENCODING", "The table is not valid UTF-8.")
                    .exception();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
