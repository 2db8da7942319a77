package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV export neutralises cells a spreadsheet would run as formulas (OWASP CSV injection), while
 * the JSON and the recorded texts stay exactly what was sent.
 */
class CsvInjectionApiTest extends ReadModelTestSupport {

    /** Tab and carriage return first are covered by ParticipantsCsvTest (input rules may refuse them). */
    private static final List<String> FORMULAS = List.of("=1+1", "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3");

    private void declare(String treaty, String text) {
        assertThat(post(
                                "/api/treaties/" + treaty + "/communications",
                                "{\"participant\":\"VNM\",\"kind\":\"DECLARATION\",\"receivedOn\":\"2026-02-01\","
                                        + "\"text\":" + JSON.valueToTree(text) + "}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void cellsStartingLikeAFormulaAreQuotedAndPrefixedInTheCsvOnly() {
        for (String formula : FORMULAS) {
            String other = registerTreaty(40, 90, 30, false);
            sign(other, "VNM", "2025-10-26");
            declare(other, formula);

            String csv = getText("/api/treaties/" + other + "/participants?asOf=2026-12-31", "text/csv")
                    .getBody();

            String row = csv.substring(csv.indexOf("\r\nVNM,") + 2);
            assertThat(row)
                    .as("CSV row for %s", formula)
                    .isEqualTo("VNM,Viet Nam,2025-10-26,,,,SIGNATORY,,,\"'" + formula + "\",,\r\n");
            JsonNode json = get("/api/treaties/" + other + "/participants/VNM").body();
            assertThat(json.toString())
                    .as("JSON for %s", formula)
                    .contains(JSON.valueToTree(formula).toString());
        }
    }

    @Test
    void theHistoryAndChainKeepTheTextAsSent() {
        String treaty = registerTreaty(40, 90, 30, false);
        sign(treaty, "VNM", "2025-10-26");
        declare(treaty, "=HYPERLINK(\"http://example.invalid\")");

        JsonNode records = awaitHistory(treaty, 3).path("records");
        List<String> texts = new ArrayList<>();
        records.forEach(r -> texts.add(r.path("payload").path("text").asText(null)));
        assertThat(texts).contains("=HYPERLINK(\"http://example.invalid\")");
        assertThat(as(Role.AUDITOR)
                        .get("/api/treaties/" + treaty + "/history/verify")
                        .body()
                        .path("valid")
                        .asBoolean())
                .isTrue();
        String csv = getText("/api/treaties/" + treaty + "/participants?asOf=2026-12-31", "text/csv")
                .getBody();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://example.invalid\"\")\"");
    }
}
