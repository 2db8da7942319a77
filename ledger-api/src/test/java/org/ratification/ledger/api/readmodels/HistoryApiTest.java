package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit history: one record per event, paged and filtered, with the links of corrections. */
class HistoryApiTest extends ReadModelTestSupport {

    @Test
    void everyEventIsOneRecordWithItsChainAndGlobalPositionsAndMetadata() {
        String treaty = registerTreaty(40, 90, 30, false);
        String signature = recordId(sign(treaty, "FRA", "2025-10-25"));
        String instrument = recordId(deposit(treaty, "FRA", "RATIFICATION", "2026-01-10"));

        JsonNode records = awaitHistory(treaty, 3).path("records");

        assertThat(records)
                .extracting(r -> r.path("type").asText())
                .containsExactly("TREATY_REGISTERED", "SIGNATURE", "INSTRUMENT");
        assertThat(records).extracting(r -> r.path("sequence").asLong()).containsExactly(0L, 1L, 2L);
        long first = records.get(0).path("globalPosition").asLong(-1);
        assertThat(first).isGreaterThanOrEqualTo(0);
        assertThat(records.get(1).path("globalPosition").asLong()).isGreaterThan(first);
        assertThat(records.get(2).path("globalPosition").asLong())
                .isGreaterThan(records.get(1).path("globalPosition").asLong());
        JsonNode deposit = records.get(2);
        assertThat(deposit.path("recordId").asText()).isEqualTo(instrument);
        assertThat(records.get(1).path("recordId").asText()).isEqualTo(signature);
        assertThat(deposit.path("participant").asText()).isEqualTo("FRA");
        assertThat(deposit.path("legalDate").asText()).isEqualTo("2026-01-10");
        assertThat(deposit.path("eventType").asText()).isEqualTo("InstrumentDepositedEvent");
        assertThat(deposit.path("revision").asText()).isEqualTo("1");
        assertThat(deposit.path("recordedBy").asText()).isEqualTo("depositary");
        assertThat(Instant.parse(deposit.path("recordedAt").asText())).isBefore(Instant.now());
        assertThat(deposit.path("metadata").path("recordedAt").asText())
                .isEqualTo(deposit.path("recordedAt").asText());
        assertThat(deposit.path("payload").path("depositedOn").asText()).isEqualTo("2026-01-10");
        assertThat(deposit.path("payload").path("type").asText()).isEqualTo("RATIFICATION");
        assertThat(records.get(0).path("legalDate").asText()).isEqualTo("2024-12-24");
        assertThat(records.get(0).path("payload").path("definition").path("id").asText())
                .isEqualTo(treaty);
    }

    @Test
    void theHistoryIsPagedAndFilteredByParticipantAndRecordingInterval() {
        String treaty = registerTreaty(40, 90, 30, false);
        sign(treaty, "FRA", "2025-10-25");
        sign(treaty, "DEU", "2025-10-26");
        Instant afterTwo = between();
        sign(treaty, "VNM", "2025-10-26");
        deposit(treaty, "FRA", "RATIFICATION", "2026-01-10");
        Instant afterFour = between();
        deposit(treaty, "VNM", "RATIFICATION", "2026-01-11");
        awaitHistory(treaty, 6);

        JsonNode second =
                get("/api/treaties/" + treaty + "/history?page=1&size=2").body();
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("size").asInt()).isEqualTo(2);
        assertThat(second.path("total").asInt()).isEqualTo(6);
        assertThat(second.path("records"))
                .extracting(r -> r.path("sequence").asLong())
                .containsExactly(2L, 3L);
        assertThat(get("/api/treaties/" + treaty + "/history?page=3&size=2")
                        .body()
                        .path("records"))
                .isEmpty();

        JsonNode france =
                get("/api/treaties/" + treaty + "/history?participant=fra").body();
        assertThat(france.path("total").asInt()).isEqualTo(2);
        assertThat(france.path("records"))
                .extracting(r -> r.path("type").asText())
                .containsExactly("SIGNATURE", "INSTRUMENT");

        JsonNode window = get("/api/treaties/" + treaty + "/history?recordedFrom=" + afterTwo + "&recordedTo="
                        + afterFour)
                .body();
        assertThat(window.path("records"))
                .extracting(r ->
                        r.path("participant").asText() + " " + r.path("type").asText())
                .containsExactly("VNM SIGNATURE", "FRA INSTRUMENT");
        JsonNode since = get("/api/treaties/" + treaty + "/history?recordedFrom=" + afterFour)
                .body();
        assertThat(since.path("total").asInt()).isEqualTo(1);
    }

    @Test
    void aCorrectionOfADepositDateChangesTheEntryIntoForceDatesAndBothRecordsStayInTheHistory() {
        String treaty = registerTreaty(2, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        sign(treaty, "DEU", "2025-10-25");
        String german = recordId(deposit(treaty, "DEU", "RATIFICATION", "2026-02-01"));
        assertThat(get("/api/treaties/" + treaty + "?asOf=2026-12-31")
                        .body()
                        .path("entryIntoForceOn")
                        .asText())
                .isEqualTo("2026-05-02");
        assertThat(get("/api/treaties/" + treaty + "/participants/FRA?asOf=2026-12-31")
                        .body()
                        .path("entryIntoForceOn")
                        .asText())
                .isEqualTo("2026-05-02");

        String correction = recordId(correctDate(treaty, german, "2026-01-20", "Deposited on 20 January"));

        JsonNode status = get("/api/treaties/" + treaty + "?asOf=2026-12-31").body();
        assertThat(status.path("thresholdReachedOn").asText()).isEqualTo("2026-01-20");
        assertThat(status.path("entryIntoForceOn").asText()).isEqualTo("2026-04-20");
        for (String participant : List.of("FRA", "DEU")) {
            assertThat(get("/api/treaties/" + treaty + "/participants/" + participant + "?asOf=2026-12-31")
                            .body()
                            .path("entryIntoForceOn")
                            .asText())
                    .isEqualTo("2026-04-20");
        }
        assertThat(get("/api/treaties/" + treaty + "/participants/DEU")
                        .body()
                        .path("instrument")
                        .path("depositedOn")
                        .asText())
                .isEqualTo("2026-01-20");

        JsonNode records = awaitHistory(treaty, 6).path("records");
        JsonNode original = byType(records, "INSTRUMENT", 1);
        assertThat(original.path("recordId").asText()).isEqualTo(german);
        assertThat(original.path("legalDate").asText()).isEqualTo("2026-02-01");
        assertThat(original.path("payload").path("depositedOn").asText()).isEqualTo("2026-02-01");
        assertThat(original.path("correctedBy")).extracting(JsonNode::asText).containsExactly(correction);
        JsonNode corrected = byType(records, "CORRECTION", 0);
        assertThat(corrected.path("recordId").asText()).isEqualTo(correction);
        assertThat(corrected.path("correctsRecordId").asText()).isEqualTo(german);
        assertThat(corrected.path("legalDate").asText()).isEqualTo("2026-01-20");
        assertThat(corrected.path("reason").asText()).isEqualTo("Deposited on 20 January");
        assertThat(corrected.path("sequence").asLong())
                .isGreaterThan(original.path("sequence").asLong());

        // time travel to before the correction still sees the recorded date
        Instant beforeCorrection =
                Instant.parse(corrected.path("recordedAt").asText()).minusNanos(1000);
        assertThat(get("/api/treaties/" + treaty + "?asOf=2026-12-31&recordedAt=" + beforeCorrection)
                        .body()
                        .path("entryIntoForceOn")
                        .asText())
                .isEqualTo("2026-05-02");
    }

    @Test
    void aRetractionStaysInTheHistoryLinkedToTheRecordItWithdraws() {
        String treaty = registerTreaty(40, 90, 30, false);
        String signature = recordId(sign(treaty, "FRA", "2025-10-25"));
        String retraction = recordId(retract(treaty, signature, "Recorded under the wrong treaty"));

        assertThat(get("/api/treaties/" + treaty + "/participants/FRA").status())
                .isEqualTo(404);
        JsonNode records = awaitHistory(treaty, 3).path("records");
        assertThat(byType(records, "SIGNATURE", 0).path("correctedBy"))
                .extracting(JsonNode::asText)
                .containsExactly(retraction);
        JsonNode retracted = byType(records, "RETRACTION", 0);
        assertThat(retracted.path("correctsRecordId").asText()).isEqualTo(signature);
        assertThat(retracted.path("participant").asText()).isEqualTo("FRA");
        assertThat(retracted.path("reason").asText()).isEqualTo("Recorded under the wrong treaty");
    }

    @Test
    void anObjectionAndAWithdrawalAppearInTheHistoryAndTheStatus() {
        String treaty = registerTreaty(40, 90, 30, false);
        sign(treaty, "VNM", "2025-10-25");
        String reserved =
                recordId(depositWith(treaty, "VNM", "RATIFICATION", "2026-01-10", "Not bound by article 63(2)"));
        ratify(treaty, "FRA", "2025-10-25", "2026-01-12");
        assertThat(get("/api/treaties/" + treaty + "/participants/VNM").body().path("reservations"))
                .extracting(JsonNode::asText)
                .containsExactly("Not bound by article 63(2)");

        String objection = recordId(communicate(treaty, "FRA", "OBJECTION", "2026-02-01", "France objects", reserved));
        String withdrawal =
                recordId(communicate(treaty, "VNM", "WITHDRAWAL", "2026-03-01", "Viet Nam withdraws", reserved));

        assertThat(get("/api/treaties/" + treaty + "/participants/VNM").body().path("reservations"))
                .isEmpty();
        assertThat(get("/api/treaties/" + treaty + "/participants/VNM?asOf=2026-02-15")
                        .body()
                        .path("reservations"))
                .extracting(JsonNode::asText)
                .containsExactly("Not bound by article 63(2)");
        JsonNode records = awaitHistory(treaty, 7).path("records");
        List<String> communications = new ArrayList<>();
        for (JsonNode r : records) {
            if (r.path("type").asText().equals("COMMUNICATION")) {
                communications.add(r.path("recordId").asText() + " "
                        + r.path("participant").asText() + " "
                        + r.path("payload").path("kind").asText() + " "
                        + r.path("refersTo").asText());
            }
        }
        assertThat(communications)
                .containsExactly(objection + " FRA OBJECTION " + reserved, withdrawal + " VNM WITHDRAWAL " + reserved);
    }

    @Test
    void badRequestsAreRefusedAndUnknownTreatiesAreNotFound() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(get("/api/treaties/no-such-treaty/history").code()).isEqualTo("TREATY_NOT_FOUND");
        assertThat(get("/api/treaties/no-such-treaty/history").status()).isEqualTo(404);
        assertThat(get("/api/treaties/" + treaty + "/history?size=501").code()).isEqualTo("INVALID_PAGE");
        assertThat(get("/api/treaties/" + treaty + "/history?size=500").status())
                .isEqualTo(200);
        assertThat(get("/api/treaties/" + treaty + "/history?page=-1").status()).isEqualTo(400);
        assertThat(get("/api/treaties/" + treaty + "/history?page=x").status()).isEqualTo(400);
        assertThat(get("/api/treaties/" + treaty + "/history?recordedFrom=yesterday")
                        .code())
                .isEqualTo("INVALID_INSTANT");
        assertThat(get("/api/treaties/" + treaty + "/history?recordedFrom=2026-02-01T00:00:00Z&recordedTo="
                                + "2026-01-01T00:00:00Z")
                        .code())
                .isEqualTo("INVALID_INTERVAL");
        assertThat(get("/api/treaties/" + treaty + "/history?participant=France")
                        .code())
                .isEqualTo("INVALID_PARTICIPANT_CODE");
        // instants far outside the recording era are valid bounds, not errors, within the years 1-9999
        assertThat(get("/api/treaties/" + treaty + "/history?recordedFrom=-5000-01-01T00:00:00Z")
                        .code())
                .isEqualTo("DATE_OUT_OF_RANGE");
        assertThat(get("/api/treaties/" + treaty + "/history?recordedFrom=0001-01-01T00:00:00Z&recordedTo="
                                + "9999-12-31T23:59:59Z")
                        .body()
                        .path("total")
                        .asInt(-1))
                .isGreaterThanOrEqualTo(0);
        assertThat(get("/api/treaties/" + treaty + "?recordedAt=9999-12-31T23:59:59Z")
                        .status())
                .isEqualTo(200);
    }
}
