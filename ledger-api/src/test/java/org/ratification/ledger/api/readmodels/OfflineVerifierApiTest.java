package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratification.ledger.api.verify.OfflineVerifier;
import org.ratification.ledger.core.chain.ChainVerifier;

/** The offline verifier, from an export alone, agrees with the service; an altered export fails. */
class OfflineVerifierApiTest extends ReadModelTestSupport {

    private static final ObjectMapper VIEWS = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path dir;

    private Path export(String treaty, int records) throws Exception {
        awaitHistory(treaty, records);
        String lines = getText("/api/treaties/" + treaty + "/history", "application/x-ndjson")
                .getBody();
        Path file = dir.resolve(treaty + ".ndjson");
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theVerifierRecomputesFromTheExportWhatTheServiceAnswers() throws Exception {
        History history = randomHistory(21, 25, (treaty, accepted) -> {});
        Path file = export(history.treaty(), history.records());

        for (String asOf : List.of("2025-12-31", LocalDate.now().toString())) {
            OfflineVerifier.Report report = OfflineVerifier.verify(file, LocalDate.parse(asOf));
            Reply verified = as(Role.AUDITOR).get("/api/treaties/" + history.treaty() + "/history/verify");
            assertThat(report.chain().valid()).isTrue();
            assertThat(report.chain().records()).isEqualTo(history.records());
            assertThat(report.chain().headHash())
                    .isEqualTo(verified.body().path("headHash").asText());

            JsonNode treaty =
                    get("/api/treaties/" + history.treaty() + "?asOf=" + asOf).body();
            assertThat((JsonNode) VIEWS.valueToTree(report.treaty())).isEqualTo(treaty);
            JsonNode participants = get("/api/treaties/" + history.treaty() + "/participants?asOf=" + asOf)
                    .body();
            assertThat((JsonNode) VIEWS.valueToTree(report.participants())).isEqualTo(participants);
        }
    }

    @Test
    void anAlteredExportFailsAtTheAlteredRecord() throws Exception {
        String treaty = registerTreaty(2, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-11-01");
        ratify(treaty, "DEU", "2025-10-25", "2026-01-10");
        Path file = export(treaty, 5);

        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("\"2025-11-01\"", "\"2025-11-02\""));
        Files.write(file, lines);

        OfflineVerifier.Report report = OfflineVerifier.verify(file, LocalDate.now());
        assertThat(report.chain().valid()).isFalse();
        assertThat(report.chain().firstBrokenRecord().sequence()).isEqualTo(2);
        assertThat(report.chain().firstBrokenRecord().reason()).isEqualTo(ChainVerifier.Reason.HASH_MISMATCH);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(
                new String[] {file.toString()}, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("HASH_MISMATCH");
        assertThat(OfflineVerifier.run(new String[0], System.out, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }
}
