package org.ratification.ledger.api.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.readme.ReadmeTour.Step;
import org.ratification.ledger.api.readme.ReadmeTour.UnsupportedScript;

/** The subset of bash that the README's tour may use, read exactly, and what lies outside it refused. */
class ReadmeTourParserTest {

    private static final Map<String, String> VARIABLES = Map.of("PW", "secret", "ID", "r-1");

    private static Step only(String block) {
        List<Step> steps = ReadmeTour.parseBlock(block, 10);
        assertThat(steps).hasSize(1);
        return steps.get(0);
    }

    private static String expand(ReadmeTour.Word word) {
        return word.expand(VARIABLES::get);
    }

    @Test
    void aContinuedCurlCommandIsOneStepWithItsOptions() {
        Step step = only(
                """
                # a comment line
                curl -s -u depositary:$PW -X POST localhost:8080/api/treaties/cybercrime/signatures \\
                  -H 'Content-Type: application/json' \\
                  -d '{"participant":"VNM","signedOn":"2025-10-25"}'
                """);
        assertThat(step.line()).isEqualTo(11);
        assertThat(expand(step.curl().method())).isEqualTo("POST");
        assertThat(expand(step.curl().user())).isEqualTo("depositary:secret");
        assertThat(expand(step.curl().url())).isEqualTo("localhost:8080/api/treaties/cybercrime/signatures");
        assertThat(expand(step.curl().headers().get("Content-Type"))).isEqualTo("application/json");
        assertThat(expand(step.curl().body())).isEqualTo("{\"participant\":\"VNM\",\"signedOn\":\"2025-10-25\"}");
        assertThat(step.expectedStatus()).isNull();
    }

    @Test
    void aSingleQuotedBodySpansLinesAndJoinsAdjacentWords() {
        List<Step> steps = ReadmeTour.parseBlock(
                """
                curl -s -X POST localhost:8080/x -H 'Content-Type: application/json' -d '{
                  "a":"'$ID'","b":"${ID}","c":"$ID"}'
                curl -s "localhost:8080/y?at=$ID&n=1"
                """,
                1);
        assertThat(steps).hasSize(2);
        assertThat(expand(steps.get(0).curl().body())).isEqualTo("{\n  \"a\":\"r-1\",\"b\":\"${ID}\",\"c\":\"$ID\"}");
        assertThat(expand(steps.get(1).curl().url())).isEqualTo("localhost:8080/y?at=r-1&n=1");
        assertThat(steps.get(1).line()).isEqualTo(3);
        assertThat(expand(steps.get(0).curl().method())).isEqualTo("POST");
    }

    @Test
    void aBodyWithoutAMethodIsPostedAndWithoutABodyIsAGet() {
        assertThat(expand(only("curl -d 'x' localhost:8080/a\n").curl().method()))
                .isEqualTo("POST");
        assertThat(expand(only("curl localhost:8080/a\n").curl().method())).isEqualTo("GET");
    }

    @Test
    void aTrailingArrowCommentIsTheExpectedStatusAndCode() {
        Step step = only("curl -s localhost:8080/api/treaties/none   # → 404 TREATY_NOT_FOUND (none such)\n");
        assertThat(step.expectedStatus()).isEqualTo(404);
        assertThat(step.expectedCode()).isEqualTo("TREATY_NOT_FOUND");
        assertThat(only("curl -s localhost:8080/a   # the explanation names the rule\n")
                        .expectedStatus())
                .isNull();
    }

    @Test
    void aCaptureKeepsItsNameAndJqPath() {
        Step step = only(
                "SIGNED_AT=$(curl -s -u auditor:$PW 'localhost:8080/h?participant=VNM' | jq -r '.records[0].recordedAt')\n");
        assertThat(step.capture()).isEqualTo("SIGNED_AT");
        assertThat(step.jqPath()).containsExactly("records", 0, "recordedAt");
        assertThat(only("X=$(curl -s localhost:8080/r | jq -r '.[0].recordId')\n")
                        .jqPath())
                .containsExactly(0, "recordId");
        assertThat(only("X=$(curl -s localhost:8080/r | jq -r .recordId)\n").jqPath())
                .containsExactly("recordId");
    }

    @Test
    void aRedirectNamesTheFileTheBodyGoesTo() {
        assertThat(only("curl -s localhost:8080/h > cybercrime.ndjson\n").outputFile())
                .isEqualTo("cybercrime.ndjson");
    }

    @Test
    void whatLiesOutsideTheSubsetIsRefusedWithItsLine() {
        for (String script : List.of(
                "echo hello\n",
                "curl -sf localhost:8080/a\n",
                "curl -s localhost:8080/a | jq .\n",
                "curl -s localhost:8080/a; curl -s localhost:8080/b\n",
                "curl -s localhost:8080/a && curl -s localhost:8080/b\n",
                "curl -s localhost:8080/a?b=1\n",
                "curl -s localhost:8080/$(date)\n",
                "X=$(curl -s localhost:8080/a | jq .a)\n",
                "X=$(curl -s localhost:8080/a | jq -r '.a | length')\n",
                "X=abc\n",
                "curl -s 'localhost:8080/a\n",
                "curl -s localhost:8080/a > /tmp/x\n",
                "curl -s localhost:8080/a localhost:8080/b\n",
                "curl -s \"`date`\"\n",
                "curl -s localhost:8080/a\n# → 422\n")) {
            assertThatThrownBy(() -> ReadmeTour.parseBlock(script, 7))
                    .as(script)
                    .isInstanceOf(UnsupportedScript.class)
                    .hasMessageStartingWith("README line ");
        }
    }

    @Test
    void aReadmeWithoutTheTourSectionIsRefused() {
        assertThatThrownBy(() -> ReadmeTour.parse("# Title\n\n## Set-up\n```bash\ncurl localhost:8080/\n```\n"))
                .isInstanceOf(UnsupportedScript.class)
                .hasMessageContaining(ReadmeTour.SECTION);
    }

    @Test
    void onlyTheBashBlocksOfTheTourSectionAreSteps() {
        List<Step> steps = ReadmeTour.parse(
                """
                ## Set-up
                ```bash
                ./mvnw verify
                ```
                ## API tour
                Text with `curl localhost:8080/not-a-step`.
                ```bash
                curl -s localhost:8080/one
                ```
                ```json
                {"not": "a step"}
                ```
                ### Sub-section
                ```bash
                curl -s localhost:8080/two
                ```
                ## Next
                ```bash
                rm -rf /
                ```
                """);
        assertThat(steps)
                .extracting(s -> expand(s.curl().url()))
                .containsExactly("localhost:8080/one", "localhost:8080/two");
        assertThat(steps).extracting(Step::line).containsExactly(8, 15);
    }
}
