package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The status line and its explanation, the list of treaties and the participants table's filter. */
class StatusApiTest extends ReadModelTestSupport {

    @Test
    void theStatusLineExplainsHowTheEntryIntoForceDateWasReached() {
        String treaty = registerTreaty(2, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        JsonNode waiting = get("/api/treaties/" + treaty + "?asOf=2026-12-31").body();
        assertThat(waiting.path("explanation").asText())
                .isEqualTo("1 of 2 instruments counted (instruments of regional economic integration organizations"
                        + " are not counted); 1 more needed. The treaty enters into force on the 90th day after the"
                        + " date of deposit of the 2nd instrument.");
        assertThat(waiting.path("thresholdParticipant").isNull()).isTrue();

        ratify(treaty, "DEU", "2025-10-25", "2026-02-01");
        JsonNode reached = get("/api/treaties/" + treaty + "?asOf=2026-12-31").body();
        assertThat(reached.path("thresholdParticipant").asText()).isEqualTo("DEU");
        assertThat(reached.path("explanation").asText())
                .startsWith("Enters into force on 2026-05-02: the 90th day after the date of deposit of the 2nd"
                        + " instrument")
                .contains("deposited by Germany on 2026-02-01");
        // the explanation follows the legal date asked for
        assertThat(get("/api/treaties/" + treaty + "?asOf=2026-01-31")
                        .body()
                        .path("explanation")
                        .asText())
                .startsWith("1 of 2 instruments counted");
    }

    @Test
    void theTreatiesAreListedWithTheirStatusLineOnALegalDate() {
        String treaty = registerTreaty(1, 30, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        JsonNode listed = null;
        for (JsonNode t : get("/api/treaties?asOf=2026-12-31").body()) {
            if (t.path("id").asText().equals(treaty)) {
                listed = t;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("parties").asInt()).isEqualTo(1);
        assertThat(listed.path("entryIntoForceOn").asText()).isEqualTo("2026-02-09");
        assertThat(get("/api/treaties?asOf=2026-01-01").body())
                .anyMatch(t -> t.path("id").asText().equals("cybercrime"))
                .anyMatch(t -> t.path("id").asText().equals(treaty)
                        && t.path("parties").asInt() == 0);
    }

    @Test
    void theParticipantsTableIsFilteredByStatus() {
        String treaty = registerTreaty(1, 30, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        sign(treaty, "DEU", "2025-10-25");
        assertThat(get("/api/treaties/" + treaty + "/participants?asOf=2026-12-31&status=PARTY")
                        .body())
                .extracting(p -> p.path("participant").asText())
                .containsExactly("FRA");
        assertThat(get("/api/treaties/" + treaty + "/participants?asOf=2026-12-31&status=SIGNATORY")
                        .body())
                .extracting(p -> p.path("participant").asText())
                .containsExactly("DEU");
    }

    @Test
    void theParticipantsTableIsWrittenOncePerVersionAndFollowsNewRecords() {
        String treaty = registerTreaty(1, 30, 30, false);
        sign(treaty, "DEU", "2025-10-25");
        String path = "/api/treaties/" + treaty + "/participants?asOf=2026-12-31";
        Reply first = get(path);
        // written from the kept rendering (with its length), not streamed by Jackson
        assertThat(first.headers().getContentLength())
                .isEqualTo(first.body().toString().length());
        assertThat(first.headers().getContentType().toString()).startsWith("application/json");
        assertThat(get(path).body()).isEqualTo(first.body());

        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        assertThat(get(path).body())
                .extracting(p ->
                        p.path("participant").asText() + ":" + p.path("status").asText())
                .containsExactly("FRA:PARTY", "DEU:SIGNATORY");
    }
}
