package org.ratification.ledger.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * One record id is one record, forever (issue 12 §2): an Idempotency-Key that is free again, after
 * a refusal, after a crash retry or after its retention, never gives a second record an id already
 * used, and a retry of the same request after a crash is never recorded twice. Checked in the event
 * store and through the API (each treaty's history counts as many records as its chain verifies).
 */
class RecordIdUniquenessApiTest extends ApiTestSupport {

    @Autowired
    private IdempotencyStore store;

    private Reply post(String path, String json, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", key);
        return as(Role.DEPOSITARY).exchange(HttpMethod.POST, path, json, headers);
    }

    private static String signature(String participant) {
        return "{\"participant\":\"%s\",\"signedOn\":\"2025-10-25\"}".formatted(participant);
    }

    private static String deposit(String participant) {
        return "{\"participant\":\"%s\",\"type\":\"RATIFICATION\",\"depositedOn\":\"2026-01-10\"}"
                .formatted(participant);
    }

    /** The record ids of every event the store holds for the treaties, in store order. */
    private List<String> storedRecordIds(String... treaties) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String treaty : treaties) {
            for (byte[] payload : jdbc.queryForList(
                    "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                    byte[].class,
                    treaty)) {
                ids.add(JSON.readTree(new String(payload, StandardCharsets.UTF_8))
                        .path("recordId")
                        .asText());
            }
        }
        return ids;
    }

    /** The key's first request died after recording and before its response was stored. */
    private void crashAfterRecording(String key) {
        int rows = jdbc.update(
                "UPDATE idempotency_key SET status = NULL, response_body = NULL, location = NULL,"
                        + " completed_at = NULL, created_at = ? WHERE request_key = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))),
                key);
        assertThat(rows).isEqualTo(1);
    }

    /** The retention of completed keys has passed: the cleanup the filter runs now and then. */
    private void retentionPassed() {
        store.deleteCompletedBefore(Instant.now().plusSeconds(1));
    }

    /** Every record id in the store for these treaties is used once, and each history is its whole chain. */
    private void assertOneRecordPerId(String... treaties) throws Exception {
        List<String> ids = storedRecordIds(treaties);
        assertThat(ids).doesNotHaveDuplicates();
        for (String treaty : treaties) {
            long chain = as(Role.AUDITOR)
                    .get("/api/treaties/" + treaty + "/history/verify")
                    .body()
                    .path("records")
                    .asLong();
            long stored = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, treaty);
            assertThat(chain).as("chain of " + treaty).isEqualTo(stored);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(as(Role.AUDITOR)
                            .get("/api/treaties/" + treaty + "/history?size=500")
                            .body()
                            .path("total")
                            .asLong())
                    .as("history of " + treaty)
                    .isEqualTo(chain));
        }
    }

    @Test
    void aKeyFreedByACrashRetryAndReusedOnAnotherTreatyGivesANewRecordId() throws Exception {
        String first = registerTreaty(40, 90, 30, false);
        String second = registerTreaty(40, 90, 30, false);
        String key = UUID.randomUUID().toString();
        Reply recorded = post("/api/treaties/" + first + "/signatures", signature("FRA"), key);
        assertThat(recorded.status()).isEqualTo(201);
        crashAfterRecording(key);

        Reply retry = post("/api/treaties/" + first + "/signatures", signature("FRA"), key);
        assertThat(retry.status())
                .as("the retry of the same request is not recorded twice")
                .isEqualTo(409);
        assertThat(retry.code()).isEqualTo("DUPLICATE_RECORD_ID");

        Reply reused = post("/api/treaties/" + second + "/signatures", signature("FRA"), key);

        assertThat(reused.status()).isEqualTo(201);
        assertThat(reused.body().path("recordId").asText())
                .isNotEqualTo(recorded.body().path("recordId").asText());
        assertThat(storedRecordIds(first)).hasSize(2);
        assertOneRecordPerId(first, second);
    }

    @Test
    void aKeyReusedAfterItsRetentionOnAnotherTreatyGivesANewRecordId() throws Exception {
        String first = registerTreaty(40, 90, 30, false);
        String second = registerTreaty(40, 90, 30, false);
        String key = UUID.randomUUID().toString();
        Reply recorded = post("/api/treaties/" + first + "/signatures", signature("DEU"), key);
        assertThat(recorded.status()).isEqualTo(201);
        retentionPassed();

        Reply reused = post("/api/treaties/" + second + "/signatures", signature("DEU"), key);

        assertThat(reused.status()).isEqualTo(201);
        assertThat(reused.body().path("recordId").asText())
                .isNotEqualTo(recorded.body().path("recordId").asText());
        assertOneRecordPerId(first, second);
    }

    @Test
    void theSameRequestSentAgainAfterACrashAndAfterTheRetentionIsNeverRecordedTwice() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        String key = UUID.randomUUID().toString();
        String path = "/api/treaties/" + treaty + "/signatures";
        assertThat(post(path, signature("VNM"), key).status()).isEqualTo(201);
        crashAfterRecording(key);
        assertThat(post(path, signature("VNM"), key).code()).isEqualTo("DUPLICATE_RECORD_ID");
        retentionPassed();

        Reply late = post(path, signature("VNM"), key);

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("DUPLICATE_RECORD_ID");
        assertThat(storedRecordIds(treaty)).hasSize(2);
        assertOneRecordPerId(treaty);
    }

    @Test
    void aKeyFreedByARefusalServesEachLaterRequestWithItsOwnRecordId() throws Exception {
        String first = registerTreaty(40, 90, 30, false);
        String second = registerTreaty(40, 90, 30, false);
        String key = UUID.randomUUID().toString();
        Reply refused = post("/api/treaties/" + first + "/instruments", deposit("FRA"), key);
        assertThat(refused.code()).isEqualTo("NOT_SIGNED");

        Reply signed = post("/api/treaties/" + second + "/signatures", signature("FRA"), key);
        assertThat(signed.status()).isEqualTo(201);
        crashAfterRecording(key);
        assertThat(post("/api/treaties/" + second + "/signatures", signature("FRA"), key)
                        .code())
                .isEqualTo("DUPLICATE_RECORD_ID");
        retentionPassed();
        assertThat(sign(first, "FRA", "2025-10-25").status()).isEqualTo(201);
        Reply deposited = post("/api/treaties/" + first + "/instruments", deposit("FRA"), key);
        Reply signedAgain = post(
                "/api/treaties/" + first + "/signatures",
                signature("DEU"),
                UUID.randomUUID().toString());

        assertThat(deposited.status()).isEqualTo(201);
        assertThat(signedAgain.status()).isEqualTo(201);
        assertThat(List.of(
                        signed.body().path("recordId").asText(),
                        deposited.body().path("recordId").asText(),
                        signedAgain.body().path("recordId").asText()))
                .doesNotHaveDuplicates();
        assertOneRecordPerId(first, second);
    }

    @Test
    void theRecordIdIsAFunctionOfTheKeyAndTheRequest() {
        String id = IdempotencyFilter.recordIdFor("k", "hash-a");

        assertThat(IdempotencyFilter.recordIdFor("k", "hash-a")).isEqualTo(id);
        assertThat(IdempotencyFilter.recordIdFor("k", "hash-b")).isNotEqualTo(id);
        assertThat(IdempotencyFilter.recordIdFor("k2", "hash-a")).isNotEqualTo(id);
        assertThat(UUID.fromString(id).version()).isEqualTo(8);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
    }
}
