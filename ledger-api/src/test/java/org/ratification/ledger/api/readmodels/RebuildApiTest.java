package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Read models are rebuilt from the event store, row for row. */
class RebuildApiTest extends ReadModelTestSupport {

    private static final List<String> READ_MODELS = List.of("status", "history", "notifications");

    private static final Map<String, String> TABLES = Map.of(
            "status_treaty", "treaty_id",
            "status_record", "record_id",
            "status_chain_head", "treaty_id",
            "history_record", "treaty_id, sequence_number",
            "notification_treaty", "treaty_id",
            "notification_action", "record_id",
            "notification", "record_id",
            "notification_number", "record_id");

    @Test
    void rebuildingEveryReadModelFromTheEventStoreGivesIdenticalTables() {
        History history = randomHistory(7, 70, (treaty, accepted) -> {});
        awaitHistory(history.treaty(), history.records());
        awaitNotifications(history.treaty(), history.records() - 1);
        awaitProcessorsDone();
        Map<String, List<Map<String, Object>>> before = snapshot();
        assertThat(before.get("history_record")).hasSizeGreaterThanOrEqualTo(history.records());

        // spoil each read model, so that only a real rebuild from the events gives the tables back
        jdbc.update("DELETE FROM status_record WHERE treaty_id = ?", history.treaty());
        jdbc.update("UPDATE status_chain_head SET head_sequence = 0 WHERE treaty_id = ?", history.treaty());
        jdbc.update("UPDATE history_record SET recorded_by = 'spoilt' WHERE treaty_id = ?", history.treaty());
        jdbc.update("UPDATE notification SET body = 'spoilt' WHERE treaty_id = ?", history.treaty());
        assertThat(snapshot()).isNotEqualTo(before);

        for (String readModel : READ_MODELS) {
            Reply rebuilt = post("/api/admin/rebuild/" + readModel, null);
            assertThat(rebuilt.status()).as(rebuilt.body().toString()).isEqualTo(202);
            assertThat(rebuilt.body().path("name").asText()).isEqualTo(readModel);
        }
        awaitProcessorsDone();

        Map<String, List<Map<String, Object>>> after = snapshot();
        for (String table : TABLES.keySet()) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
    }

    @Test
    void theProcessorsAreListedWithTheirVersionsAndAnUnknownOneCannotBeRebuilt() {
        JsonNode processors = get("/api/admin/processors").body();
        for (String readModel : READ_MODELS) {
            JsonNode processor = find(processors, readModel);
            assertThat(processor.path("running").asBoolean()).isTrue();
            boolean notifications =
                    readModel.equals(org.ratification.ledger.projections.notifications.NotificationProjection.NAME);
            assertThat(processor.path("type").asText())
                    .isEqualTo(notifications ? "PooledStreamingEventProcessor" : "SubscribingEventProcessor");
            int version = notifications
                    ? org.ratification.ledger.projections.notifications.NotificationProjection.VERSION
                    : readModel.equals("history") ? 2 : 1;
            assertThat(processor.path("declaredVersion").asInt()).isEqualTo(version);
            assertThat(processor.path("storedVersion").asInt()).isEqualTo(version);
            assertThat(processor.path("totalSegments").asInt())
                    .isEqualTo(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Integer.class, readModel));
        }
        assertThat(find(processors, "status").path("upToDate").asBoolean())
                .as("an inline read model is up to date by construction")
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM token_entry WHERE processor_name = 'notifications'", Integer.class))
                .isEqualTo(1);
        Reply unknown = post("/api/admin/rebuild/no-such-model", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("PROCESSOR_NOT_FOUND");
    }

    /** Every read model's processor runs all its segments here and has processed the newest event. */
    private void awaitProcessorsDone() {
        await().atMost(PATIENCE).until(() -> {
            JsonNode processors = get("/api/admin/processors").body();
            return READ_MODELS.stream()
                    .allMatch(name -> find(processors, name).path("upToDate").asBoolean());
        });
    }

    private static JsonNode find(JsonNode processors, String name) {
        for (JsonNode p : processors) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("No processor " + name + " in " + processors);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        TABLES.forEach(
                (table, key) -> tables.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + key)));
        return tables;
    }
}
