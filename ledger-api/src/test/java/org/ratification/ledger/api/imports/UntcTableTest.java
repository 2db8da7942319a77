package org.ratification.ledger.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.rules.RejectedException;

/** Reading the cells and the file of a UNTC status table, without the service. */
class UntcTableTest {

    @ParameterizedTest
    @CsvSource({
        "12 Dec 2000, 2000-12-12, RATIFICATION",
        "7 Jun 2004 a, 2004-06-07, ACCESSION",
        "21 May 2004 AA, 2004-05-21, APPROVAL",
        "12 Jan 2005 A, 2005-01-12, ACCEPTANCE",
        "23 Oct 2006 d, 2006-10-23, SUCCESSION",
        "26 Sep 2001 s, 2001-09-26, DEFINITIVE_SIGNATURE",
        "12 Nov 2008 c, 2008-11-12, FORMAL_CONFIRMATION",
        "' 6 Aug 1986 a', 1986-08-06, ACCESSION",
        "29 February 2000, 2000-02-29, RATIFICATION",
        "3 Sept 1990, 1990-09-03, RATIFICATION"
    })
    void aCellIsADateAndTheLetterOfItsKind(String cell, LocalDate date, InstrumentType type) {
        UntcCell parsed = UntcCell.parse(cell).orElseThrow();
        assertThat(parsed.date()).isEqualTo(date);
        assertThat(parsed.instrumentType()).isEqualTo(type);
        assertThat(UntcCell.parse(UntcCell.format(parsed.date(), parsed.letter())))
                .contains(parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31 Feb 2001", "12 Dec 2000 b", "2000-12-12", "12 Decembre 2000", "12 Dec 00", "x"})
    void aCellThatIsNotSuchADateIsRefused(String cell) {
        assertThatThrownBy(() -> UntcCell.parse(cell)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyCellIsNoAction() {
        assertThat(UntcCell.parse("  ")).isEmpty();
        assertThat(UntcCell.format(LocalDate.of(1998, 12, 9), "")).isEqualTo("9 Dec 1998");
        assertThat(UntcCell.format(LocalDate.of(2004, 9, 7), "a")).isEqualTo("7 Sep 2004 a");
    }

    @Test
    void quotedCellsLineBreaksAByteOrderMarkAndExtraColumnsAreRead() {
        String csv = "\uFEFFParticipant,Signature,\"Ratification,\r\nAccession(a)\",Denunciation,Notes\r\n"
                + "\"Germany2,3\",12 Dec 2000,14 Jun 2006,,\"see \"\"note\"\"\"\r\n\r\n"
                + "Austria,,\r\n";
        UntcTable.Table table = UntcTable.read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).participant()).isEqualTo("Germany2,3");
        assertThat(table.rows().get(0).instrument()).isEqualTo("14 Jun 2006");
        assertThat(table.rows().get(0).line()).isEqualTo(2);
        assertThat(table.ignoredColumns()).containsExactly("Denunciation", "Notes");
        assertThat(table.sha256()).hasSize(64);
    }

    @Test
    void theFileAsAWholeIsBounded() {
        assertThat(code(new byte[UntcTable.MAX_BYTES + 1])).isEqualTo("TABLE_TOO_LARGE");
        assertThat(code("Participant,Signature\nA,B\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("UNEXPECTED_HEADER");
        assertThat(code("\n\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("EMPTY_TABLE");
        assertThat(code("Participant,Signature,Ratification\n\"a\"b,,\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("MALFORMED_CSV");
    }

    private static String code(byte[] csv) {
        try {
            UntcTable.read(csv);
            return null;
        } catch (RejectedException e) {
            return e.rejection().code();
        }
    }
}
