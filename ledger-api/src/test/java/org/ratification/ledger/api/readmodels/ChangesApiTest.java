package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** What changed in the legal status between two dates. */
class ChangesApiTest extends ReadModelTestSupport {

    @Test
    void theChangesBetweenTwoDatesNameWhoSignedDepositedBecameAPartyAndWithdrew() {
        String treaty = registerTreaty(2, 30, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-11-01");
        ratify(treaty, "DEU", "2025-10-26", "2025-12-01"); // threshold 2025-12-01, in force 2025-12-31
        sign(treaty, "VNM", "2026-01-15");
        Reply denounced = post(
                "/api/treaties/" + treaty + "/denunciations",
                "{\"participant\":\"FRA\",\"receivedOn\":\"2026-01-20\"}");
        assertThat(denounced.status()).as(denounced.body().toString()).isEqualTo(201);

        JsonNode changes = get("/api/treaties/" + treaty + "/changes?from=2025-11-15&to=2026-01-31")
                .body();
        assertThat(changes.path("from").asText()).isEqualTo("2025-11-15");
        assertThat(changes.path("to").asText()).isEqualTo("2026-01-31");
        JsonNode summary = changes.path("summary");
        assertThat(summary.path("signed")).extracting(JsonNode::asText).containsExactly("VNM");
        assertThat(summary.path("deposited")).extracting(JsonNode::asText).containsExactly("DEU");
        assertThat(summary.path("becameParty")).extracting(JsonNode::asText).containsExactlyInAnyOrder("FRA", "DEU");
        assertThat(summary.path("denounced")).extracting(JsonNode::asText).containsExactly("FRA");
        assertThat(summary.path("withdrew")).isEmpty();
        JsonNode treatyChanges = changes.path("treaty");
        assertThat(treatyChanges.path("changes"))
                .extracting(c -> c.path("change").asText() + " " + c.path("on").asText())
                .containsExactly("THRESHOLD_REACHED 2025-12-01", "ENTERED_INTO_FORCE 2025-12-31");
        assertThat(treatyChanges.path("changes").get(0).path("participant").asText())
                .isEqualTo("DEU");
        assertThat(treatyChanges.path("before").path("inForce").asBoolean()).isFalse();
        assertThat(treatyChanges.path("after").path("parties").asInt()).isEqualTo(2);
        assertThat(changes.path("actions"))
                .extracting(a ->
                        a.path("kind").asText() + " " + a.path("participant").asText())
                .containsExactly("INSTRUMENT DEU", "SIGNATURE VNM", "DENUNCIATION FRA");
        JsonNode france =
                changes.path("participants").get(changes.path("participants").size() - 1);
        assertThat(changes.path("participants"))
                .extracting(p -> p.path("participant").asText())
                .contains("FRA", "DEU", "VNM");
        for (JsonNode p : changes.path("participants")) {
            if (p.path("participant").asText().equals("FRA")) {
                france = p;
            }
        }
        assertThat(france.path("before").asText()).isEqualTo("CONTRACTING");
        assertThat(france.path("after").asText()).isEqualTo("PARTY");

        JsonNode later = get("/api/treaties/" + treaty + "/changes?from=2026-12-31&to=2027-01-31")
                .body();
        assertThat(later.path("summary").path("withdrew"))
                .extracting(JsonNode::asText)
                .containsExactly("FRA");
        assertThat(later.path("treaty").path("changes"))
                .extracting(c -> c.path("change").asText())
                .containsExactly("CLOSED_FOR_SIGNATURE");
        assertThat(later.path("actions")).isEmpty();
    }

    @Test
    void changesNeedAValidIntervalAndAKnownTreaty() {
        String treaty = registerTreaty(2, 30, 30, false);
        assertThat(get("/api/treaties/" + treaty + "/changes?from=2026-02-01&to=2026-01-01")
                        .code())
                .isEqualTo("INVALID_INTERVAL");
        assertThat(get("/api/treaties/" + treaty + "/changes?from=2026-02-01").status())
                .isEqualTo(400);
        assertThat(get("/api/treaties/" + treaty + "/changes?from=01-02-2026&to=2026-03-01")
                        .code())
                .isEqualTo("INVALID_DATE");
        assertThat(get("/api/treaties/no-such-treaty/changes?from=2026-01-01&to=2026-02-01")
                        .status())
                .isEqualTo(404);
    }
}
