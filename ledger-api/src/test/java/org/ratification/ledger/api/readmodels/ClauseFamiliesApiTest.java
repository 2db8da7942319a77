package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Clause families of docs/CLAUSES.md through the API: registered as data, used by the status,
 * time travel and the notifications alike, and their numbers bounded where they enter.
 */
class ClauseFamiliesApiTest extends ReadModelTestSupport {

    private String register(String signature, String entryIntoForce, String denunciation) {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = post("/api/treaties", definition(id, signature, entryIntoForce, denunciation));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return id;
    }

    private static String definition(String id, String signature, String entryIntoForce, String denunciation) {
        return """
                {"id":"%s","reference":"%s","title":"Rome Statute of the International Criminal Court",
                 "adoptedOn":"1998-07-17","signature":%s,"entryIntoForce":%s,"denunciation":%s}"""
                .formatted(id, id, signature, entryIntoForce, denunciation);
    }

    private static final String ROME_SIGNATURE = "{\"opensOn\":\"1998-07-17\",\"closesOn\":\"2000-12-31\"}";
    private static final String ROME_CLAUSE =
            """
            {"instrumentsRequired":2,"daysAfterThreshold":60,"daysAfterLaterInstrument":60,
             "reioInstrumentsCount":true,"rounding":"FIRST_DAY_OF_NEXT_MONTH"}""";

    @Test
    void monthRuleIsUsedByStatusTimeTravelAndNotifications() {
        String treaty = register(ROME_SIGNATURE, ROME_CLAUSE, "{\"takesEffectAfterMonths\":12}");
        ratify(treaty, "ARG", "1999-01-08", "2001-02-08");
        ratify(treaty, "AUT", "1998-10-07", "2002-04-11");
        ratify(treaty, "AUS", "1998-12-09", "2002-07-01");

        JsonNode status = get("/api/treaties/" + treaty + "?asOf=2003-01-01").body();
        assertThat(status.path("entryIntoForceOn").asText()).isEqualTo("2002-07-01");
        assertThat(status.path("explanation").asText())
                .contains("the first day of the month after the 60th day following the date of deposit of the 2nd");
        assertThat(get("/api/treaties/" + treaty + "/participants/AUS?asOf=2003-01-01")
                        .body()
                        .path("entryIntoForceOn")
                        .asText())
                .isEqualTo("2002-09-01");
        JsonNode travelled = get("/api/treaties/" + treaty + "?asOf=2003-01-01&recordedAt=" + Instant.now())
                .body();
        assertThat(travelled.path("entryIntoForceOn").asText()).isEqualTo("2002-07-01");

        JsonNode notes = awaitNotifications(treaty, 6);
        String australia = notes.get(5).path("text").asText();
        assertThat(australia).contains("1 September 2002").contains("the first day of the month after the 60th day");
    }

    @Test
    void signatureOpenIndefinitelyAndWaitingPeriodForDenunciation() {
        String treaty = register(
                "{\"opensOn\":\"1998-07-17\",\"closesAtEntryIntoForce\":false}",
                "{\"instrumentsRequired\":1,\"daysAfterThreshold\":30,\"daysAfterLaterInstrument\":30,"
                        + "\"reioInstrumentsCount\":false}",
                "{\"takesEffectAfterMonths\":12,\"notBeforeYearsInForce\":3}");
        ratify(treaty, "FRA", "2020-01-02", "2020-01-10"); // signed 22 years after opening
        assertThat(get("/api/treaties/" + treaty + "?asOf=2020-03-01")
                        .body()
                        .path("openForSignature")
                        .asBoolean())
                .isTrue();
        long before = storedEvents();
        Reply early = post(
                "/api/treaties/" + treaty + "/denunciations",
                "{\"participant\":\"FRA\",\"receivedOn\":\"2023-02-08\"}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.code()).isEqualTo("DENUNCIATION_TOO_EARLY");
        assertThat(storedEvents()).isEqualTo(before);
        Reply allowed = post(
                "/api/treaties/" + treaty + "/denunciations",
                "{\"participant\":\"FRA\",\"receivedOn\":\"2023-02-09\"}");
        assertThat(allowed.status()).as(allowed.body().toString()).isEqualTo(201);
    }

    @Test
    void namedSetStatusNamesTheParticipantsStillMissing() {
        String treaty = register(
                "{\"opensOn\":\"1998-07-17\",\"closesAtEntryIntoForce\":true}",
                "{\"instrumentsRequired\":1,\"daysAfterThreshold\":180,\"daysAfterLaterInstrument\":30,"
                        + "\"reioInstrumentsCount\":false,\"requiredParticipants\":[\"FRA\",\"USA\",\"CHN\"]}",
                "{\"takesEffectAfterMonths\":6}");
        assertThat(deposit(treaty, "FRA", "ACCESSION", "2000-03-01").status()).isEqualTo(201);
        JsonNode status = get("/api/treaties/" + treaty + "?asOf=2001-01-01").body();
        assertThat(status.path("inForce").asBoolean()).isFalse();
        assertThat(status.path("explanation").asText())
                .contains("; the required number (1) is reached. Named participants: 1 of 3 have deposited;"
                        + " 2 missing: United States of America, China.");
    }

    @Test
    void numbersOutOfBoundsAndUnknownParticipantsAreRefusedAndRecordNothing() {
        String[] clauses = {
            "{\"instrumentsRequired\":2,\"daysAfterThreshold\":60,\"daysAfterLaterInstrument\":60,"
                    + "\"reioInstrumentsCount\":true,\"monthsAfterThreshold\":1201}",
            "{\"instrumentsRequired\":2,\"daysAfterThreshold\":60,\"daysAfterLaterInstrument\":60,"
                    + "\"reioInstrumentsCount\":true,\"weighted\":{\"weights\":{\"FRA\":-1},\"percent\":55}}",
            "{\"instrumentsRequired\":2,\"daysAfterThreshold\":60,\"daysAfterLaterInstrument\":60,"
                    + "\"reioInstrumentsCount\":true,\"weighted\":{\"weights\":{\"FRA\":10},\"percent\":101}}",
            "{\"instrumentsRequired\":2,\"daysAfterThreshold\":60,\"daysAfterLaterInstrument\":60,"
                    + "\"reioInstrumentsCount\":true,\"requiredParticipants\":[\"ZZZ\"]}",
            "{\"instrumentsRequired\":2,\"daysAfterThreshold\":60,\"daysAfterLaterInstrument\":60,"
                    + "\"reioInstrumentsCount\":true,\"notBefore\":\"1990-01-01\"}",
        };
        long before = storedEvents();
        for (String clause : clauses) {
            Reply reply = post(
                    "/api/treaties",
                    definition(
                            "bad-" + UUID.randomUUID().toString().substring(0, 8),
                            ROME_SIGNATURE,
                            clause,
                            "{\"takesEffectAfterMonths\":12}"));
            assertThat(reply.status()).as(clause + " → " + reply.body()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("INVALID_TREATY_DEFINITION");
            assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
        }
        Reply days = post(
                "/api/treaties",
                definition(
                        "bad-d",
                        ROME_SIGNATURE,
                        ROME_CLAUSE,
                        "{\"takesEffectAfterMonths\":0,\"takesEffectAfterDays\":36501}"));
        assertThat(days.status()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void formerStatesCountWhileTheyExistedAndAreRefusedAfter() {
        String treaty = register(
                "{\"opensOn\":\"1998-07-17\",\"closesAtEntryIntoForce\":false}",
                "{\"instrumentsRequired\":2,\"daysAfterThreshold\":30,\"daysAfterLaterInstrument\":30,"
                        + "\"reioInstrumentsCount\":false}",
                "{\"takesEffectAfterMonths\":12}");
        assertThat(deposit(treaty, "YUG", "ACCESSION", "2000-03-01").status()).isEqualTo(201);
        assertThat(deposit(treaty, "SWE", "ACCESSION", "2000-03-02").status()).isEqualTo(201);
        JsonNode status = get("/api/treaties/" + treaty + "?asOf=2001-01-01").body();
        assertThat(status.path("entryIntoForceOn").asText()).isEqualTo("2000-04-01");
        long before = storedEvents();
        Reply late = deposit(treaty, "SCG", "ACCESSION", "2006-06-03");
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.code()).isEqualTo("PARTICIPANT_NOT_IN_EXISTENCE");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
