package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.StatusCalculator;
import org.ratification.ledger.core.rules.TreatyFacts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The participants table as CSV and the full history as JSON Lines. */
class ExportApiTest extends ReadModelTestSupport {

    @Test
    void theParticipantsTableIsExportedAsCsvWithTheUntcLetters() {
        String treaty = registerTreaty(2, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        deposit(treaty, "NRU", "ACCESSION", "2026-01-20");
        sign(treaty, "VNM", "2025-10-26");
        post(
                "/api/treaties/" + treaty + "/communications",
                "{\"participant\":\"VNM\",\"kind\":\"DECLARATION\",\"receivedOn\":\"2026-02-01\","
                        + "\"text\":\"Under article 40, \\\"the authority\\\" is X\"}");
        post(
                "/api/treaties/" + treaty + "/communications",
                "{\"participant\":\"VNM\",\"kind\":\"DECLARATION\",\"receivedOn\":\"2026-02-02\",\"text\":\"Second\"}");

        ResponseEntity<String> csv = getText("/api/treaties/" + treaty + "/participants?asOf=2026-12-31", "text/csv");
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(csv.getBody())
                .isEqualTo("participant,name,signature,instrument,type,entryIntoForce,status,denunciationReceived,"
                        + "denunciationEffective,declarations,reservations,irregularities\r\n"
                        + "FRA,France,2025-10-25,2026-01-10,RATIFICATION,2026-04-20,PARTY,,,,,\r\n"
                        + "NRU,Nauru,,2026-01-20 a,ACCESSION,2026-04-20,PARTY,,,,,\r\n"
                        + "VNM,Viet Nam,2025-10-26,,,,SIGNATORY,,,\"Under article 40, \"\"the authority\"\" is X\n"
                        + "Second\",,\r\n");

        String before = getText("/api/treaties/" + treaty + "/participants?asOf=2026-01-15", "text/csv")
                .getBody();
        assertThat(before.split("\r\n")).hasSize(3).noneMatch(line -> line.startsWith("NRU"));
        String parties = getText(
                        "/api/treaties/" + treaty + "/participants?asOf=2026-12-31&status=SIGNATORY", "text/csv")
                .getBody();
        assertThat(parties.split("\r\n")).hasSize(2);

        // JSON stays the answer for clients that accept anything
        ResponseEntity<String> any = getText("/api/treaties/" + treaty + "/participants", "*/*");
        assertThat(any.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        ResponseEntity<String> missing = getText("/api/treaties/no-such-treaty/participants", "text/csv");
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theFullHistoryIsExportedAsJsonLinesThatRebuildTheStatusWithoutTheService() throws Exception {
        History history = randomHistory(11, 30, (treaty, accepted) -> {});
        String treaty = history.treaty();
        awaitHistory(treaty, history.records());

        ResponseEntity<String> export = getText("/api/treaties/" + treaty + "/history", "application/x-ndjson");
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getContentType().toString()).startsWith("application/x-ndjson");
        ResponseEntity<String> paged = getText("/api/treaties/" + treaty + "/history", "*/*");
        assertThat(paged.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(JSON.readTree(paged.getBody()).path("total").asInt()).isEqualTo(history.records());
        String[] lines = export.getBody().split("\n");
        assertThat(lines).hasSize(history.records());

        // an auditor's own reading: a plain Jackson mapper and the ledger's published rule code
        ObjectMapper plain = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<TreatyEvent> events = new ArrayList<>();
        long sequence = 0;
        for (String line : lines) {
            JsonNode record = plain.readTree(line);
            assertThat(record.path("sequence").asLong()).isEqualTo(sequence++);
            assertThat(record.path("treatyId").asText()).isEqualTo(treaty);
            assertThat(record.path("globalPosition").isNumber()).isTrue();
            assertThat(record.path("revision").asText()).isEqualTo("1");
            assertThat(record.path("metadata").path("recordedAt").asText())
                    .isEqualTo(record.path("recordedAt").asText());
            assertThat(record.path("metadata").path("recordedBy").asText()).isEqualTo("depositary");
            Class<?> type = Class.forName("org.ratification.ledger.core.api."
                    + record.path("eventType").asText());
            events.add((TreatyEvent) plain.treeToValue(record.path("payload"), type));
        }
        TreatyFacts facts = TreatyFacts.fold(events);
        StatusCalculator calculator = new StatusCalculator(ParticipantRegistry.standard());
        for (String asOf : List.of("2025-12-31", "2026-06-30", "2031-01-01")) {
            StatusCalculator.Status status =
                    calculator.asOf(facts.definition(), facts.actions(), LocalDate.parse(asOf));
            // the head of the chain is the last exported record's hash
            String head = plain.readTree(lines[lines.length - 1])
                    .path("metadata")
                    .path("hash")
                    .asText();
            assertThat((JsonNode) plain.valueToTree(status.treaty().withHeadHash(head)))
                    .isEqualTo(get("/api/treaties/" + treaty + "?asOf=" + asOf).body());
            assertThat((JsonNode) plain.valueToTree(status.participants()))
                    .isEqualTo(get("/api/treaties/" + treaty + "/participants?asOf=" + asOf)
                            .body());
        }
    }

    @Test
    void theHistoryExportOfAnUnknownTreatyIsNotFound() {
        assertThat(getText("/api/treaties/no-such-treaty/history", "application/x-ndjson")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }
}
