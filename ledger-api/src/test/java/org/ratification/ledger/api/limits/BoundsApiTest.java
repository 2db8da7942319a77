package org.ratification.ledger.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.core.rules.Bounds;

/**
 * Issue 12 §1 and §3 at the door: a clause out of range, a date outside the years 1-9999, a
 * participant code that is not ASCII, a lone surrogate in any string of any request, a
 * communication from a participant with no action: each is refused with problem+json and a stable
 * code, and records nothing. Each reproduction of the issue was answered 201 (and then choked a
 * read model) or 500 before.
 */
class BoundsApiTest extends ApiTestSupport {

    private void assertRefused(Reply reply, int status, String code, long before) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
        assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(storedEvents()).as("a refused request records nothing").isEqualTo(before);
    }

    private static String treaty(String id, String eif, String denunciation, String amendments) {
        return """
                {"id":"%s","reference":"R-%s","title":"Bounded","adoptedOn":"2015-01-01",
                 "signature":{"opensOn":"2015-01-02","closesOn":"2026-12-31"},
                 "entryIntoForce":%s,
                 "denunciation":%s%s}"""
                .formatted(id, id, eif, denunciation, amendments == null ? "" : ",\"amendments\":" + amendments);
    }

    private static String eif(long instruments, long days, long later) {
        return "{\"instrumentsRequired\":%d,\"daysAfterThreshold\":%d,\"daysAfterLaterInstrument\":%d,\"reioInstrumentsCount\":false}"
                .formatted(instruments, days, later);
    }

    private static String months(long months) {
        return "{\"takesEffectAfterMonths\":" + months + "}";
    }

    private static String id() {
        return "b-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theIssuesReproductionsAreRefusedAtRegistration() {
        long before = storedEvents();
        int max = Integer.MAX_VALUE;
        assertRefused(
                post("/api/treaties", treaty(id(), eif(1, max, 30), months(12), null)),
                400,
                "INVALID_TREATY_DEFINITION",
                before);
        assertRefused(
                post("/api/treaties", treaty(id(), eif(1, 90, 30), months(max), null)),
                400,
                "INVALID_TREATY_DEFINITION",
                before);
        assertRefused(
                post(
                        "/api/treaties",
                        treaty(
                                id(),
                                eif(1, 90, 30),
                                months(12),
                                "{\"proposalAfterYears\":" + max + ",\"daysAfterInstrument\":90}")),
                400,
                "INVALID_TREATY_DEFINITION",
                before);
    }

    @Test
    void eachClauseIsAcceptedAtItsBoundAndRefusedOnePast() {
        String[][] clauses = {
            {eif(Bounds.MAX_INSTRUMENTS_REQUIRED, 90, 30), eif(Bounds.MAX_INSTRUMENTS_REQUIRED + 1, 90, 30)},
            {eif(1, Bounds.MAX_DAYS, 30), eif(1, Bounds.MAX_DAYS + 1, 30)},
            {eif(1, 90, Bounds.MAX_DAYS), eif(1, 90, Bounds.MAX_DAYS + 1)},
            {eif(0, 90, 30), eif(0, 90, 30)},
            {eif(1, -1, 30), eif(1, 90, -1)},
        };
        for (String[] pair : clauses) {
            if (!pair[0].contains("\"instrumentsRequired\":0") && !pair[0].contains("-1")) {
                assertThat(post("/api/treaties", treaty(id(), pair[0], months(12), null))
                                .status())
                        .isEqualTo(201);
            }
            long before = storedEvents();
            assertRefused(
                    post("/api/treaties", treaty(id(), pair[1], months(12), null)),
                    400,
                    "INVALID_TREATY_DEFINITION",
                    before);
        }
        assertThat(post("/api/treaties", treaty(id(), eif(1, 90, 30), months(Bounds.MAX_MONTHS), null))
                        .status())
                .isEqualTo(201);
        long before = storedEvents();
        assertRefused(
                post("/api/treaties", treaty(id(), eif(1, 90, 30), months(Bounds.MAX_MONTHS + 1), null)),
                400,
                "INVALID_TREATY_DEFINITION",
                before);
        String bound =
                "{\"proposalAfterYears\":" + Bounds.MAX_YEARS + ",\"daysAfterInstrument\":" + Bounds.MAX_DAYS + "}";
        assertThat(post("/api/treaties", treaty(id(), eif(1, 90, 30), months(12), bound))
                        .status())
                .isEqualTo(201);
        assertRefused(
                post(
                        "/api/treaties",
                        treaty(
                                id(),
                                eif(1, 90, 30),
                                months(12),
                                "{\"proposalAfterYears\":" + (Bounds.MAX_YEARS + 1) + ",\"daysAfterInstrument\":90}")),
                400,
                "INVALID_TREATY_DEFINITION",
                storedEvents());
        assertRefused(
                post(
                        "/api/treaties",
                        treaty(
                                id(),
                                eif(1, 90, 30),
                                months(12),
                                "{\"proposalAfterYears\":5" + ",\"daysAfterInstrument\":" + (Bounds.MAX_DAYS + 1)
                                        + "}")),
                400,
                "INVALID_TREATY_DEFINITION",
                storedEvents());
        // a number beyond an int is a wrong value, not a wrap-around
        assertRefused(
                post("/api/treaties", treaty(id(), eif(1, 4_294_967_386L, 30), months(12), null)),
                400,
                "INVALID_VALUE",
                storedEvents());
    }

    @Test
    void aDateBeforeTheYearOneIsRefused() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();
        String yearZero = "{\"id\":\"" + id() + "\",\"reference\":\"R\",\"title\":\"T\",\"adoptedOn\":\"0000-06-01\","
                + "\"signature\":{\"opensOn\":\"2015-01-02\",\"closesOn\":\"2026-12-31\"},\"entryIntoForce\":"
                + eif(1, 90, 30) + ",\"denunciation\":" + months(12) + "}";
        assertRefused(post("/api/treaties", yearZero), 400, "DATE_OUT_OF_RANGE", before);
        assertRefused(
                post(
                        "/api/treaties/" + treaty + "/signatures",
                        "{\"participant\":\"FRA\",\"signedOn\":\"0000-01-01\"}"),
                400,
                "DATE_OUT_OF_RANGE",
                before);
    }

    /** Issue 12 §3: "ßd" was recorded as SSD, "ﬁn" as FIN, "ırl" as IRL. */
    @Test
    void aParticipantCodeThatIsNotAsciiLettersIsRefusedNotFolded() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();
        for (String code : new String[] {"ßd", "ﬁn", "ırl", "İRL", "ＦＲＡ", "FRÀ", "F R"}) {
            assertRefused(
                    post(
                            "/api/treaties/" + treaty + "/signatures",
                            JSON.createObjectNode()
                                    .put("participant", code)
                                    .put("signedOn", "2025-10-25")
                                    .toString()),
                    400,
                    "INVALID_PARTICIPANT_CODE",
                    before);
            assertRefused(
                    get("/api/treaties/" + treaty + "/participants/" + code), 400, "INVALID_PARTICIPANT_CODE", before);
        }
        // ASCII lower case is upper-cased
        assertThat(sign(treaty, "fra", "2025-10-25").status()).isEqualTo(201);
        assertThat(get("/api/treaties/" + treaty + "/participants/FRA").status())
                .isEqualTo(200);
    }

    /** Issue 12 §3: a lone surrogate was accepted, then exported as '?' (HASH_MISMATCH offline). */
    @Test
    void aLoneSurrogateInAnyStringOfAnyRequestIsRefused() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "DEU", "2025-10-25").status()).isEqualTo(201);
        long before = storedEvents();
        String lone = "lone \\ud800";
        String[][] requests = {
            {"/api/treaties", treaty(id(), eif(1, 90, 30), months(12), null).replace("\"Bounded\"", "\"" + lone + "\"")
            },
            {"/api/treaties", treaty("x\\udc00y", eif(1, 90, 30), months(12), null)},
            {
                "/api/treaties/" + treaty + "/signatures",
                "{\"participant\":\"FRA\",\"signedOn\":\"2025-10-25\",\"place\":\"" + lone + "\"}"
            },
            {"/api/treaties/" + treaty + "/signatures", "{\"participant\":\"FR\\ud800\",\"signedOn\":\"2025-10-25\"}"},
            {
                "/api/treaties/" + treaty + "/instruments",
                "{\"participant\":\"ITA\",\"type\":\"ACCESSION\",\"depositedOn\":\"2025-10-25\",\"reservations\":[\"ok\",\""
                        + lone + "\"]}"
            },
            {
                "/api/treaties/" + treaty + "/communications",
                "{\"participant\":\"DEU\",\"kind\":\"DECLARATION\",\"receivedOn\":\"2025-10-26\",\"text\":\"" + lone
                        + "\"}"
            },
            {
                "/api/treaties/" + treaty + "/communications",
                "{\"participant\":\"DEU\",\"kind\":\"TERRITORIAL_APPLICATION\",\"receivedOn\":\"2025-10-26\","
                        + "\"text\":\"t\",\"territories\":[\"" + lone + "\"]}"
            },
            {
                "/api/treaties/" + treaty + "/corrections",
                "{\"recordId\":\"r1\",\"reason\":\"" + lone + "\",\"retract\":true}"
            },
            {
                "/api/treaties/" + treaty + "/amendments",
                "{\"amendmentId\":\"A1\",\"adoptedOn\":\"2025-10-25\",\"method\":\"VOTE\",\"text\":\"\\udfff\"}"
            },
        };
        for (String[] request : requests) {
            assertRefused(post(request[0], request[1]), 400, "INVALID_UNICODE", before);
        }
        // a pair written as two escapes is one astral character, and well-formed
        Reply pair = post(
                "/api/treaties/" + treaty + "/communications",
                "{\"participant\":\"DEU\",\"kind\":\"DECLARATION\",\"receivedOn\":\"2025-10-26\",\"text\":\"\\ud834\\udd1e\"}");
        assertThat(pair.status()).as(pair.body().toString()).isEqualTo(201);
    }

    @Test
    void textsBeyondTheirBoundAreRefused() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "DEU", "2025-10-25").status()).isEqualTo(201);
        long before = storedEvents();
        String longName = "x".repeat(Bounds.MAX_SHORT_TEXT + 1);
        assertRefused(
                post(
                        "/api/treaties/" + treaty + "/communications",
                        "{\"participant\":\"DEU\",\"kind\":\"TERRITORIAL_APPLICATION\",\"receivedOn\":\"2025-10-26\","
                                + "\"text\":\"t\",\"territories\":[\"" + longName + "\"]}"),
                400,
                "TEXT_TOO_LONG",
                before);
        assertRefused(
                post(
                        "/api/treaties/" + treaty + "/communications",
                        "{\"participant\":\"DEU\",\"kind\":\"DECLARATION\",\"receivedOn\":\"2025-10-26\","
                                + "\"text\":\"t\",\"refersTo\":\"" + "r".repeat(65) + "\"}"),
                400,
                "INVALID_RECORD_ID",
                before);
        assertRefused(
                post(
                        "/api/treaties",
                        treaty(id(), eif(1, 90, 30), months(12), null)
                                .replace("\"adoptedOn\"", "\"parentTreatyId\":\"no such parent\",\"adoptedOn\"")),
                400,
                "INVALID_TREATY_DEFINITION",
                before);
    }

    /** Issue 12 §1: a territorial application from a State with no action was accepted, then its row was 404. */
    @Test
    void aCommunicationFromAParticipantWithNoActionIsRefused() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();
        for (String kind : new String[] {"TERRITORIAL_APPLICATION", "DECLARATION", "NOTIFICATION", "RESERVATION"}) {
            assertRefused(
                    post(
                            "/api/treaties/" + treaty + "/communications",
                            "{\"participant\":\"NLD\",\"kind\":\"" + kind + "\",\"receivedOn\":\"2026-01-05\","
                                    + "\"text\":\"Applies to Aruba.\",\"territories\":[\"Aruba\"]}"),
                    422,
                    "NO_ACTION_RECORDED",
                    before);
        }
        assertThat(get("/api/treaties/" + treaty + "/participants/NLD").status())
                .isEqualTo(404);
        assertThat(sign(treaty, "NLD", "2025-10-25").status()).isEqualTo(201);
        Reply applied = post(
                "/api/treaties/" + treaty + "/communications",
                "{\"participant\":\"NLD\",\"kind\":\"TERRITORIAL_APPLICATION\",\"receivedOn\":\"2026-01-05\","
                        + "\"text\":\"Applies to Aruba.\",\"territories\":[\"Aruba\"]}");
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(201);
        Reply row = get("/api/treaties/" + treaty + "/participants/NLD");
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.body().toString()).contains("Aruba");
        // the signature it rests on can no longer be retracted
        long now = storedEvents();
        String signature = get("/api/treaties/" + treaty + "/history?participant=NLD")
                .body()
                .path("records")
                .get(0)
                .path("recordId")
                .asText();
        assertRefused(
                post(
                        "/api/treaties/" + treaty + "/corrections",
                        "{\"recordId\":\"" + signature + "\",\"reason\":\"error\",\"retract\":true}"),
                422,
                "NO_ACTION_RECORDED",
                now);
    }
}
