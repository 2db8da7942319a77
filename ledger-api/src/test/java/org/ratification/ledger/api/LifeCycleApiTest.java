package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Protocols, amendments, succession, territorial application and the objection clock (DOMAIN.md 7-9). */
class LifeCycleApiTest extends ApiTestSupport {

    private String register(String body) {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = post("/api/treaties", body.replace("$ID", id));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return id;
    }

    private String protocolOf(String parent) {
        return register(
                """
                {"id":"$ID","reference":"P-$ID","title":"Protocol","adoptedOn":"2024-12-24",
                 "parentTreatyId":"%s",
                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":1,"daysAfterThreshold":10,
                   "daysAfterLaterInstrument":10,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12,"followsParent":true}}"""
                        .formatted(parent));
    }

    private JsonNode participant(String treaty, String code, String asOf) {
        Reply reply = get("/api/treaties/" + treaty + "/participants/" + code + (asOf == null ? "" : "?asOf=" + asOf));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    @Test
    void aProtocolBindsOnlyPartiesToItsParentAndNeverEntersIntoForceBeforeIt() {
        String parent = registerTreaty(2, 90, 30, false);
        String protocol = protocolOf(parent);

        assertThat(sign(protocol, "FRA", "2025-10-25").status()).isEqualTo(201);
        long before = storedEvents();
        Reply refused = deposit(protocol, "FRA", "RATIFICATION", "2025-11-01");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("NOT_PARTY_TO_PARENT");
        assertThat(storedEvents()).isEqualTo(before);

        ratify(parent, "FRA", "2025-10-25", "2025-11-01");
        assertThat(deposit(protocol, "FRA", "RATIFICATION", "2025-11-01").status())
                .as("deposited for both on the same day")
                .isEqualTo(201);
        // the protocol's own threshold is reached, but the parent is not in force
        assertThat(get("/api/treaties/" + protocol)
                        .body()
                        .path("entryIntoForceOn")
                        .isNull())
                .isTrue();

        ratify(parent, "DEU", "2025-10-25", "2026-01-10");
        assertThat(get("/api/treaties/" + parent)
                        .body()
                        .path("entryIntoForceOn")
                        .asText())
                .isEqualTo("2026-04-10");
        assertThat(get("/api/treaties/" + protocol)
                        .body()
                        .path("entryIntoForceOn")
                        .asText())
                .isEqualTo("2026-04-10");
        assertThat(participant(protocol, "FRA", null).path("entryIntoForceOn").asText())
                .isEqualTo("2026-04-10");
        // time travel computes a protocol with its parent as recorded at the same instant
        String now = java.time.Instant.now().toString();
        assertThat(get("/api/treaties/" + protocol + "?recordedAt=" + now).body())
                .isEqualTo(get("/api/treaties/" + protocol).body());
        assertThat(get("/api/treaties/" + protocol + "/participants?recordedAt=" + now)
                        .body())
                .isEqualTo(get("/api/treaties/" + protocol + "/participants").body());
    }

    @Test
    void denouncingTheParentEndsTheProtocolWhenItsClauseSaysSo() {
        String parent = registerTreaty(1, 90, 30, false);
        String protocol = protocolOf(parent);
        ratify(parent, "FRA", "2025-10-25", "2025-11-01");
        ratify(protocol, "FRA", "2025-10-25", "2025-11-01");
        assertThat(post(
                                "/api/treaties/" + parent + "/denunciations",
                                "{\"participant\":\"FRA\",\"receivedOn\":\"2026-03-01\"}")
                        .status())
                .isEqualTo(201);
        JsonNode later = participant(protocol, "FRA", "2027-03-01");
        assertThat(later.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(later.path("denunciationEffectiveOn").asText()).isEqualTo("2027-03-01");
        assertThat(participant(protocol, "FRA", "2027-02-28").path("status").asText())
                .isEqualTo("PARTY");
    }

    @Test
    void aProtocolOfAnUnknownTreatyIsRefused() {
        Reply reply = post(
                "/api/treaties",
                """
                {"id":"orphan-protocol","reference":"P","title":"Protocol","adoptedOn":"2024-12-24",
                 "parentTreatyId":"no-such-parent",
                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":1,"daysAfterThreshold":10,
                   "daysAfterLaterInstrument":10,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}""");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("UNKNOWN_PARENT");
    }

    @Test
    void anAmendmentIsAdoptedOnlyAsTheClauseAllowsAndBindsEachPartyNinetyDaysAfterItsInstrument() {
        String treaty = register(
                """
                {"id":"$ID","reference":"A-$ID","title":"Amendable","adoptedOn":"2015-01-01",
                 "signature":{"opensOn":"2015-01-02","closesOn":"2016-12-31"},
                 "entryIntoForce":{"instrumentsRequired":1,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12},
                 "amendments":{"proposalAfterYears":5,"daysAfterInstrument":90}}""");
        ratify(treaty, "FRA", "2015-01-10", "2015-03-01"); // in force 2015-05-30
        String amendments = "/api/treaties/" + treaty + "/amendments";

        Reply early = post(
                amendments,
                "{\"amendmentId\":\"A1\",\"adoptedOn\":\"2020-05-29\",\"method\":\"CONSENSUS\",\"text\":\"...\"}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.code()).isEqualTo("AMENDMENT_TOO_EARLY");

        assertThat(post(
                                amendments,
                                "{\"amendmentId\":\"A1\",\"adoptedOn\":\"2021-01-10\",\"method\":\"VOTE\",\"text\":\"...\"}")
                        .status())
                .isEqualTo(201);
        Reply byNonParty = post(
                amendments + "/A1/instruments",
                "{\"participant\":\"DEU\",\"type\":\"RATIFICATION\",\"depositedOn\":\"2021-02-01\"}");
        assertThat(byNonParty.code()).isEqualTo("NOT_A_PARTY");
        assertThat(post(
                                amendments + "/A1/instruments",
                                "{\"participant\":\"FRA\",\"type\":\"ACCEPTANCE\",\"depositedOn\":\"2021-02-01\"}")
                        .status())
                .isEqualTo(201);

        JsonNode binding =
                participant(treaty, "FRA", "2021-05-02").path("amendments").get(0);
        assertThat(binding.path("amendmentId").asText()).isEqualTo("A1");
        assertThat(binding.path("entryIntoForceOn").asText()).isEqualTo("2021-05-02");
        assertThat(binding.path("inForce").asBoolean()).isTrue();
        assertThat(participant(treaty, "FRA", "2021-05-01")
                        .path("amendments")
                        .get(0)
                        .path("inForce")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aSuccessorStateIsBoundFromTheDateOfSuccession() {
        String treaty = registerTreaty(1, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-11-01"); // in force 2026-01-30
        Reply succession = post(
                "/api/treaties/" + treaty + "/instruments",
                """
                {"participant":"SSD","type":"SUCCESSION","depositedOn":"2026-06-01",
                 "predecessor":"Sudan","boundFrom":"2026-03-01"}""");
        assertThat(succession.status()).as(succession.body().toString()).isEqualTo(201);
        JsonNode southSudan = participant(treaty, "SSD", null);
        assertThat(southSudan.path("instrument").path("letter").asText()).isEqualTo("d");
        assertThat(southSudan.path("instrument").path("predecessor").asText()).isEqualTo("Sudan");
        assertThat(southSudan.path("entryIntoForceOn").asText()).isEqualTo("2026-03-01");

        Reply incomplete = post(
                "/api/treaties/" + treaty + "/instruments",
                "{\"participant\":\"MNE\",\"type\":\"SUCCESSION\",\"depositedOn\":\"2026-06-01\"}");
        assertThat(incomplete.status()).isEqualTo(400);
    }

    @Test
    void aTerritorialApplicationIsShownInTheParticipantsRow() {
        String treaty = registerTreaty(40, 90, 30, false);
        ratify(treaty, "NLD", "2025-10-25", "2025-11-01");
        Reply reply = post(
                "/api/treaties/" + treaty + "/communications",
                """
                {"participant":"NLD","kind":"TERRITORIAL_APPLICATION","receivedOn":"2025-12-01",
                 "text":"The Convention shall apply to Aruba and Curaçao.","territories":["Aruba","Curaçao"]}""");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(participant(treaty, "NLD", null).path("territories").toString())
                .isEqualTo("[\"Aruba\",\"Curaçao\"]");
    }

    @Test
    void lateObjectionsAreRecordedAndFlagged() {
        String treaty = registerTreaty(40, 90, 30, false);
        sign(treaty, "FRA", "2025-10-25");
        Reply deposit = post(
                "/api/treaties/" + treaty + "/instruments",
                """
                {"participant":"FRA","type":"RATIFICATION","depositedOn":"2025-11-01",
                 "reservations":["France does not consider itself bound by article 63(2)."]}""");
        String reservation = deposit.body().path("recordId").asText();
        String objection =
                """
                {"participant":"%s","kind":"OBJECTION","receivedOn":"%s","text":"Objects.","refersTo":"%s"}""";
        assertThat(post(
                                "/api/treaties/" + treaty + "/communications",
                                objection.formatted("DEU", "2026-10-30", reservation))
                        .status())
                .isEqualTo(201);
        assertThat(post(
                                "/api/treaties/" + treaty + "/communications",
                                objection.formatted("ITA", "2026-11-02", reservation))
                        .status())
                .as("a late objection is recorded, not refused")
                .isEqualTo(201);

        JsonNode reservations = get("/api/treaties/" + treaty + "/reservations").body();
        assertThat(reservations).hasSize(1);
        assertThat(reservations.get(0).path("objectionPeriodEndsOn").asText()).isEqualTo("2026-11-01");
        JsonNode objections = reservations.get(0).path("objections");
        assertThat(objections.get(0).path("participant").asText()).isEqualTo("DEU");
        assertThat(objections.get(0).path("timely").asBoolean()).isTrue();
        assertThat(objections.get(1).path("participant").asText()).isEqualTo("ITA");
        assertThat(objections.get(1).path("timely").asBoolean()).isFalse();
    }
}
