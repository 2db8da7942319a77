package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The write API end to end: what is recorded, what is refused, and that a refusal records nothing. */
class RecordingApiTest extends ApiTestSupport {

    @Test
    void theCybercrimeConventionIsRegisteredAtStartOnce() {
        Reply treaty = get("/api/treaties/cybercrime");
        assertThat(treaty.status()).isEqualTo(200);
        assertThat(treaty.body().path("reference").asText()).isEqualTo("XVIII-16");
        assertThat(treaty.body().path("instrumentsRequired").asInt()).isEqualTo(40);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'cybercrime'"
                                + " AND sequence_number = 0",
                        Long.class))
                .isEqualTo(1L);
    }

    @Test
    void treatiesAreListed() {
        String treaty = registerTreaty(3, 90, 30, false);
        Reply list = get("/api/treaties");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("id")).contains("cybercrime", treaty);
    }

    @Test
    void aSignatureAndADepositAreReadBackAtOnce() {
        String treaty = registerTreaty(40, 90, 30, false);
        Reply signed = sign(treaty, "FRA", "2025-10-25");
        assertThat(signed.status()).isEqualTo(201);
        assertThat(signed.body().path("recordId").asText()).isNotBlank();
        Reply deposited = deposit(treaty, "FRA", "RATIFICATION", "2026-01-10");
        assertThat(deposited.status()).isEqualTo(201);

        Reply france = get("/api/treaties/" + treaty + "/participants/FRA");
        assertThat(france.status()).isEqualTo(200);
        assertThat(france.body().path("name").asText()).isEqualTo("France");
        assertThat(france.body().path("signedOn").asText()).isEqualTo("2025-10-25");
        assertThat(france.body().path("instrument").path("type").asText()).isEqualTo("RATIFICATION");
        assertThat(france.body().path("instrument").path("depositedOn").asText())
                .isEqualTo("2026-01-10");
        assertThat(france.body().path("status").asText()).isEqualTo("CONTRACTING");
        assertThat(france.body().path("entryIntoForceOn").isNull()).isTrue();
        Reply status = get("/api/treaties/" + treaty);
        assertThat(status.body().path("signatories").asInt()).isEqualTo(1);
        assertThat(status.body().path("instrumentsCounted").asInt()).isEqualTo(1);
        assertThat(status.body().path("inForce").asBoolean()).isFalse();
    }

    @Test
    void theTreatyEntersIntoForceOnTheNinetiethDayAfterTheThresholdInstrument() {
        String treaty = registerTreaty(2, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-11-01");
        ratify(treaty, "DEU", "2025-10-25", "2026-01-10");
        ratify(treaty, "ITA", "2025-10-25", "2026-03-20");

        Reply status = get("/api/treaties/" + treaty);
        assertThat(status.body().path("thresholdReachedOn").asText()).isEqualTo("2026-01-10");
        assertThat(status.body().path("entryIntoForceOn").asText()).isEqualTo("2026-04-10");
        assertThat(status.body().path("thresholdParticipant").asText()).isEqualTo("DEU");
        assertThat(status.body().path("inForce").asBoolean()).isTrue();
        assertThat(status.body().path("parties").asInt()).isEqualTo(3);
        // deposited before the threshold: the general date; after it: 30 days later, never before the general date
        assertThat(participant(treaty, "FRA").path("entryIntoForceOn").asText()).isEqualTo("2026-04-10");
        assertThat(participant(treaty, "ITA").path("entryIntoForceOn").asText()).isEqualTo("2026-04-19");
    }

    @Test
    void aLateRecordedEarlierDepositBecomesTheThresholdInstrument() {
        String treaty = registerTreaty(2, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-11-01");
        ratify(treaty, "DEU", "2025-10-25", "2026-03-01");
        assertThat(get("/api/treaties/" + treaty)
                        .body()
                        .path("thresholdParticipant")
                        .asText())
                .isEqualTo("DEU");

        ratify(treaty, "ESP", "2025-10-25", "2026-02-01"); // recorded last, deposited earlier

        Reply status = get("/api/treaties/" + treaty);
        assertThat(status.body().path("thresholdParticipant").asText()).isEqualTo("ESP");
        assertThat(status.body().path("entryIntoForceOn").asText()).isEqualTo("2026-05-02");
        assertThat(participant(treaty, "DEU").path("entryIntoForceOn").asText()).isEqualTo("2026-05-02");
    }

    @Test
    void anInstrumentOfTheEuropeanUnionIsNotCountedAsAdditional() {
        String treaty = registerTreaty(2, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-11-01");
        assertThat(sign(treaty, "EU", "2025-10-26").status()).isEqualTo(201);
        Reply eu = post(
                "/api/treaties/" + treaty + "/instruments",
                """
                {"participant":"EU","type":"APPROVAL","depositedOn":"2025-12-01",
                 "declarations":["Declaration of competence: the Union is competent for ..."]}""");
        assertThat(eu.status()).as(eu.body().toString()).isEqualTo(201);
        Reply status = get("/api/treaties/" + treaty);
        assertThat(status.body().path("instrumentsCounted").asInt()).isEqualTo(1);
        assertThat(status.body().path("instrumentsDeposited").asInt()).isEqualTo(2);
        assertThat(status.body().path("thresholdReachedOn").isNull()).isTrue();
    }

    @Test
    void aDenunciationTakesEffectOneYearAfterReceipt() {
        String treaty = registerTreaty(1, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-11-01");
        Reply denounced = post(
                "/api/treaties/" + treaty + "/denunciations",
                "{\"participant\":\"FRA\",\"receivedOn\":\"2026-02-28\"}");
        assertThat(denounced.status()).as(denounced.body().toString()).isEqualTo(201);
        assertThat(participant(treaty, "FRA").path("denunciationEffectiveOn").asText())
                .isEqualTo("2027-02-28");
        assertThat(participant(treaty, "FRA").path("status").asText()).isEqualTo("PARTY");
        Reply later = get("/api/treaties/" + treaty + "/participants/FRA?asOf=2027-02-28");
        assertThat(later.body().path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void statusAsOfAnEarlierDateLeavesOutLaterActions() {
        String treaty = registerTreaty(1, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-11-01");
        Reply before = get("/api/treaties/" + treaty + "/participants/FRA?asOf=2025-10-30");
        assertThat(before.body().path("status").asText()).isEqualTo("SIGNATORY");
        assertThat(before.body().path("instrument").isNull()).isTrue();
        assertThat(get("/api/treaties/" + treaty + "?asOf=2025-10-30")
                        .body()
                        .path("instrumentsCounted")
                        .asInt())
                .isZero();
        Reply filtered = get("/api/treaties/" + treaty + "/participants?status=PARTY");
        assertThat(filtered.body().findValuesAsText("participant")).containsExactly("FRA");
    }

    private com.fasterxml.jackson.databind.JsonNode participant(String treaty, String code) {
        Reply reply = get("/api/treaties/" + treaty + "/participants/" + code);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }
}
