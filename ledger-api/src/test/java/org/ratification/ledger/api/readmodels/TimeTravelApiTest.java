package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Time travel on the recording axis, alone and combined with the legal axis. */
class TimeTravelApiTest extends ReadModelTestSupport {

    private static final List<String> AS_OF =
            List.of("2025-06-30", "2025-12-31", "2026-04-30", "2026-10-01", "2031-01-01");

    @Test
    void theLedgerAnswersAsItStoodAtAnInstantOnBothAxes() {
        String treaty = registerTreaty(2, 90, 30, false);
        Instant registered = between();
        ratify(treaty, "FRA", "2025-10-25", "2026-02-01");
        Instant oneDeposit = between();
        ratify(treaty, "DEU", "2025-10-25", "2026-01-10"); // recorded later, deposited earlier

        String base = "/api/treaties/" + treaty;
        JsonNode then = get(base + "?asOf=2026-12-31&recordedAt=" + oneDeposit).body();
        assertThat(then.path("instrumentsCounted").asInt()).isEqualTo(1);
        assertThat(then.path("entryIntoForceOn").isNull()).isTrue();
        JsonNode now =
                get(base + "?asOf=2026-12-31&recordedAt=" + Instant.now()).body();
        assertThat(now.path("thresholdReachedOn").asText()).isEqualTo("2026-02-01");
        assertThat(now.path("entryIntoForceOn").asText()).isEqualTo("2026-05-02");
        assertThat(get(base + "?asOf=2026-01-31&recordedAt=" + Instant.now())
                        .body()
                        .path("instrumentsCounted")
                        .asInt())
                .isEqualTo(1);

        assertThat(get(base + "/participants?asOf=2026-12-31&recordedAt=" + oneDeposit)
                        .body())
                .extracting(p -> p.path("participant").asText())
                .containsExactly("FRA");
        assertThat(get(base + "/participants?asOf=2026-12-31&recordedAt=" + registered)
                        .body())
                .isEmpty();
        Reply germanyThen = get(base + "/participants/DEU?recordedAt=" + oneDeposit);
        assertThat(germanyThen.status()).isEqualTo(404);
        assertThat(germanyThen.code()).isEqualTo("NO_ACTION_RECORDED");
        assertThat(get(base + "/participants/DEU?asOf=2026-12-31&recordedAt=" + Instant.now())
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("PARTY");

        Reply beforeRegistration = get(base + "?recordedAt=2020-01-01T00:00:00Z");
        assertThat(beforeRegistration.status()).isEqualTo(404);
        assertThat(beforeRegistration.code()).isEqualTo("TREATY_NOT_FOUND");
        assertThat(get(base + "?recordedAt=yesterday").code()).isEqualTo("INVALID_INSTANT");
        assertThat(get(base + "?recordedAt=" + oneDeposit.atOffset(java.time.ZoneOffset.ofHours(-2)))
                        .body()
                        .path("instrumentsCounted")
                        .asInt())
                .isEqualTo(1);
    }

    /** The kept line, its JSON and the kept stream of time travel all follow a new record at once. */
    @Test
    void aRecordIsInTheNextAnswerNowAndAsRecordedAtAnInstant() {
        String treaty = registerTreaty(2, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-02-01");
        String base = "/api/treaties/" + treaty + "?asOf=2026-12-31";
        JsonNode before = get(base).body();
        assertThat(get(base).body()).isEqualTo(before);
        assertThat(get(base + "&recordedAt=" + between()).body()).isEqualTo(before);

        ratify(treaty, "DEU", "2025-10-25", "2026-01-10");
        JsonNode after = get(base).body();
        assertThat(after.path("instrumentsCounted").asInt()).isEqualTo(2);
        assertThat(after.path("headHash").asText())
                .hasSize(64)
                .isNotEqualTo(before.path("headHash").asText());
        assertThat(get(base + "&recordedAt=" + between()).body()).isEqualTo(after);
        assertThat(get("/api/treaties?asOf=2026-12-31").body()).contains(after);
    }

    /**
     * The property: for random histories, time travel at any instant answers what the status read
     * model answered at that instant, and at the latest instant what it answers now, for several
     * legal dates.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 17, 29, 41})
    void timeTravelAgreesWithTheStatusReadModel(long seed) {
        Map<Instant, Map<String, JsonNode>> checkpoints = new LinkedHashMap<>();
        History history = randomHistory(seed, 30, (treaty, accepted) -> {
            if (accepted % 7 == 0) {
                checkpoints.put(between(), answers(treaty, null));
            }
        });

        List<String> kinds = jdbc.queryForList(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class,
                history.treaty());
        assertThat(kinds)
                .as("the history exercises deposits, corrections and retractions")
                .anyMatch(k -> k.endsWith("InstrumentDepositedEvent"))
                .anyMatch(k -> k.endsWith("RecordCorrectedEvent") || k.endsWith("RecordRetractedEvent"));

        Map<String, JsonNode> latest = answers(history.treaty(), null);
        Map<String, JsonNode> travelled = answers(history.treaty(), between());
        assertThat(travelled).isEqualTo(latest);
        assertThat(checkpoints).isNotEmpty();
        checkpoints.forEach((instant, answers) -> assertThat(answers(history.treaty(), instant))
                .as("as recorded at " + instant)
                .isEqualTo(answers));
    }

    /** The treaty line and the participants table for every legal date of {@link #AS_OF}. */
    private Map<String, JsonNode> answers(String treaty, Instant recordedAt) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        String travel = recordedAt == null ? "" : "&recordedAt=" + recordedAt;
        List<String> paths = new ArrayList<>();
        for (String asOf : AS_OF) {
            paths.add("/api/treaties/" + treaty + "?asOf=" + asOf);
            paths.add("/api/treaties/" + treaty + "/participants?asOf=" + asOf);
        }
        for (String path : paths) {
            Reply reply = get(path + travel);
            assertThat(reply.status()).as(path + travel + " " + reply.body()).isEqualTo(200);
            answers.put(path, reply.body());
        }
        return answers;
    }
}
