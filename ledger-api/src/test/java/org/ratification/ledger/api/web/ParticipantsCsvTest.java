package org.ratification.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One CSV cell: RFC 4180 quoting, and formulas neutralised (OWASP CSV injection). */
class ParticipantsCsvTest {

    @Test
    void aCellThatASpreadsheetWouldRunIsPrefixedWithAQuoteAndQuoted() {
        assertThat(ParticipantsCsv.field("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(ParticipantsCsv.field("+1")).isEqualTo("\"'+1\"");
        assertThat(ParticipantsCsv.field("-1")).isEqualTo("\"'-1\"");
        assertThat(ParticipantsCsv.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ParticipantsCsv.field("\tx")).isEqualTo("\"'\tx\"");
        assertThat(ParticipantsCsv.field("\rx")).isEqualTo("\"'\rx\"");
        assertThat(ParticipantsCsv.field("=\"a\",b")).isEqualTo("\"'=\"\"a\"\",b\"");
    }

    @Test
    void otherCellsAreWrittenAsBefore() {
        assertThat(ParticipantsCsv.field("France")).isEqualTo("France");
        assertThat(ParticipantsCsv.field("a, b")).isEqualTo("\"a, b\"");
        assertThat(ParticipantsCsv.field("x=1")).isEqualTo("x=1");
        assertThat(ParticipantsCsv.field("")).isEmpty();
        assertThat(ParticipantsCsv.field(null)).isEmpty();
    }
}
